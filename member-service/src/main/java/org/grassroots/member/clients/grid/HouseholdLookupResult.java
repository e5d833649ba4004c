package org.grassroots.member.clients.grid;

import java.util.List;
import java.util.UUID;

/** Answer of the lookup: the households that exist in the caller's district (with their region) and the rest. */
public record HouseholdLookupResult(List<Found> found, List<UUID> missing) {

	public record Found(UUID id, String region) {
	}
}
