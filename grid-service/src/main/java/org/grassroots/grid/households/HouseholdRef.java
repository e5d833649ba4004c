package org.grassroots.grid.households;

import java.util.UUID;

/**
 * The provider view of a household for member-service (no personal data): exactly these fields.
 */
public record HouseholdRef(UUID id, UUID gridId, String region, UUID compoundId, UUID buildingId) {
}
