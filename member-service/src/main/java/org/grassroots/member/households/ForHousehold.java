package org.grassroots.member.households;

import java.util.List;
import java.util.UUID;

/** Who serves a household: the contract grid-service dispatches cases with. */
public record ForHousehold(UUID centralHouseholdId, UUID memberId, String name, List<CentralHouseholdRole> roles) {
}
