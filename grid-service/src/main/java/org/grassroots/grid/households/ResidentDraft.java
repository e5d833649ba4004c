package org.grassroots.grid.households;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A resident added to an existing household. */
public record ResidentDraft(@NotNull UUID householdId, @NotBlank @Size(max = 50) String name, Relation relation,
		@Size(max = 20) String idNumber, @Size(max = 20) String phone,
		@Size(max = 5) List<@NotNull CareTag> careTags) {

	ResidentInput input() {
		return new ResidentInput(name, relation, idNumber, phone, careTags);
	}
}
