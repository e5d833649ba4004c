package org.grassroots.grid.households;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Which of these households exist (for member-service validating linked households). */
public record HouseholdLookup(@NotNull @Size(min = 1, max = 1000) List<@NotNull UUID> ids) {

	/**
	 * The answer.
	 *
	 * @param found the households that exist and the caller may see, with their region
	 * @param missing every other id: unknown, another district's, or outside the caller's scope
	 */
	public record Result(List<Found> found, List<UUID> missing) {
	}

	/** A household that exists. */
	public record Found(UUID id, String region) {
	}
}
