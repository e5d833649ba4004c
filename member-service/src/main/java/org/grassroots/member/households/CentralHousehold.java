package org.grassroots.member.households;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A central household as the API shows it.
 *
 * @param organizationId the community/village organization that designated it
 * @param region the area it serves (the designating organization's region)
 * @param householdCount how many households are linked
 */
public record CentralHousehold(UUID id, UUID memberId, String memberName, UUID organizationId,
		String organizationName, String region, List<CentralHouseholdRole> roles, String plaqueNo,
		LocalDate designatedOn, CentralHouseholdStatus status, int householdCount, OffsetDateTime revokedAt,
		String revokeReason, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
