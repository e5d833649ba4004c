package org.grassroots.grid.compounds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update of a compound. */
public record CompoundChange(@Pattern(regexp = ".*\\S.*") @Size(max = 100) String name, @Valid LatLng location,
		@Min(0) @Max(2_000_000) Integer population) {
}
