package org.grassroots.member.households;

import java.util.List;
import java.util.UUID;

/** What a batch import did; {@code centralHouseholdIds} in the order of the rows. */
public record ImportResult(int centralHouseholds, int membersCreated, int membersReused, int linkedHouseholds,
		List<UUID> centralHouseholdIds) {
}
