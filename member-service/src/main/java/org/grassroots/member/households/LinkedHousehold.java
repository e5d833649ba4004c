package org.grassroots.member.households;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A household linked to a central household, with the region grid-service gave when it was validated. */
public record LinkedHousehold(UUID householdId, UUID centralHouseholdId, String region, String linkedBy,
		OffsetDateTime linkedAt) {
}
