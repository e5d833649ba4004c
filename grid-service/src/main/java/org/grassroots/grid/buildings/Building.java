package org.grassroots.grid.buildings;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.grassroots.grid.compounds.LatLng;

/** A building (楼栋) in a grid, optionally in a compound. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Building(UUID id, String code, String name, UUID gridId, UUID compoundId, String region,
		LatLng location, Integer floors, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
