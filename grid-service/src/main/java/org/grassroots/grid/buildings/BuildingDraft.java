package org.grassroots.grid.buildings;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.grassroots.grid.compounds.LatLng;

/** A new building. */
public record BuildingDraft(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,32}") String code,
		@NotBlank @Size(max = 100) String name, @NotNull UUID gridId, UUID compoundId, @Valid LatLng location,
		@Min(1) @Max(200) Integer floors) {
}
