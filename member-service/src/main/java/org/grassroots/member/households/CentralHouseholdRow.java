package org.grassroots.member.households;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A central household with what authorization and the plaque need beyond the API view. */
record CentralHouseholdRow(UUID id, UUID memberId, String memberName, String memberAccount, UUID organizationId,
		String organizationName, String organizationPhone, String region, List<CentralHouseholdRole> roles,
		String plaqueNo, LocalDate designatedOn, CentralHouseholdStatus status, int householdCount,
		OffsetDateTime revokedAt, String revokeReason, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		long version) {

	CentralHousehold view() {
		return new CentralHousehold(id, memberId, memberName, organizationId, organizationName, region, roles, plaqueNo,
				designatedOn, status, householdCount, revokedAt, revokeReason, createdAt, updatedAt, version);
	}

	/** The community the central household lives in: its linked households must lie there too. */
	String community() {
		return CentralHouseholdService.community(region);
	}
}
