package org.grassroots.member.clients.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Validates household ids against grid-service, 1,000 at a time (the provider's limit): an import of 500 central households × 10 households is 5 calls. */
@Component
public class GridHouseholds {

	static final int LOOKUP_LIMIT = 1000;

	private final GridClient grid;

	GridHouseholds(GridClient grid) {
		this.grid = grid;
	}

	/** What grid-service knows of the ids: region by id for those that exist in the caller's district. */
	public record Validation(Map<UUID, String> regions, List<UUID> missing) {
	}

	/**
	 * Looks every id up. Throws a 503 problem when grid-service cannot answer: callers never proceed with
	 * unvalidated households.
	 */
	public Validation validate(List<UUID> ids) {
		Map<UUID, String> regions = new LinkedHashMap<>();
		List<UUID> missing = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += LOOKUP_LIMIT) {
			List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_LIMIT));
			Set<UUID> asked = new HashSet<>(chunk);
			HouseholdLookupResult result = grid.lookup(new HouseholdLookup(List.copyOf(chunk)));
			if (result == null || result.found() == null) {
				// with 404s dismissed, a provider without the lookup route answers with nothing
				throw new DomainProblem(HttpStatus.BAD_GATEWAY, "household-validation-rejected", 404);
			}
			for (HouseholdLookupResult.Found found : result.found()) {
				if (found != null && found.id() != null && asked.contains(found.id())) {
					regions.put(found.id(), found.region());
				}
			}
		}
		for (UUID id : ids) {
			if (!regions.containsKey(id)) {
				missing.add(id);
			}
		}
		return new Validation(regions, missing);
	}
}
