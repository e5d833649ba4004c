package org.grassroots.grid.households;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new household.
 *
 * @param code the district's household number, unique; imports upsert by it
 * @param gridId its grid (or micro-grid)
 * @param buildingId its building, optional
 * @param compoundId its compound, optional
 * @param address exact address (protected)
 * @param careTags attention marks
 * @param residents who lives there
 */
public record HouseholdDraft(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,40}") String code, @NotNull UUID gridId,
		UUID buildingId, UUID compoundId, @NotBlank @Size(max = 200) String address,
		@Size(max = 5) List<@NotNull CareTag> careTags, @Size(max = 30) List<@Valid @NotNull ResidentInput> residents) {
}
