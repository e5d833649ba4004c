package org.grassroots.grid.compounds;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A residential compound (小区) with its population. */
public record Compound(UUID id, String code, String name, String region, LatLng location, int population,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	CompoundSummary summary() {
		return new CompoundSummary(id, name, region, location, population);
	}
}
