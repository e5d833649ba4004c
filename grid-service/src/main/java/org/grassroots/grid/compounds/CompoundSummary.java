package org.grassroots.grid.compounds;

import java.util.UUID;

/**
 * A residential compound as center-service reads it for its coverage analysis (the provider contract: exactly
 * these fields).
 */
public record CompoundSummary(UUID id, String name, String region, LatLng location, int population) {
}
