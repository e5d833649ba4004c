package org.grassroots.grid.buildings;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.grassroots.grid.compounds.LatLng;

/** A partial update of a building. */
public record BuildingChange(@Pattern(regexp = ".*\\S.*") @Size(max = 100) String name, UUID compoundId,
		@Valid LatLng location, @Min(1) @Max(200) Integer floors) {
}
