package org.grassroots.grid.compounds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new compound.
 *
 * @param code unique in the district
 * @param name display name
 * @param region the community (or deeper unit) it lies in
 * @param location its centre
 * @param population residents living there
 */
public record CompoundDraft(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,32}") String code,
		@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String region,
		@NotNull @Valid LatLng location, @NotNull @Min(0) @Max(2_000_000) Integer population) {
}
