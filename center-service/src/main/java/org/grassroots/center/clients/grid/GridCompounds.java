package org.grassroots.center.clients.grid;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads every compound of a region from grid-service, page by page (100 a page, the provider's maximum). */
@Component
public class GridCompounds {

	static final int PAGE = 100;

	/** 2,000 pages: 200,000 compounds, far above a district's; guards against a cursor that never ends. */
	static final int MAX_PAGES = 2_000;

	private final GridClient grid;

	GridCompounds(GridClient grid) {
		this.grid = grid;
	}

	/**
	 * All compounds at or below {@code region}. Throws a 503 problem when grid-service cannot answer: no
	 * analysis proceeds on part of the compounds.
	 */
	public List<GridCompound> all(String region) {
		List<GridCompound> all = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			GridCompoundPage result = grid.compounds(region, PAGE, cursor);
			if (result == null || result.items() == null) {
				throw new DomainProblem(HttpStatus.BAD_GATEWAY, "coverage-grid-rejected", 200);
			}
			all.addAll(result.items());
			cursor = result.nextCursor();
			if (cursor == null || cursor.isBlank() || result.items().isEmpty()) {
				return all;
			}
		}
		throw new DomainProblem(HttpStatus.BAD_GATEWAY, "coverage-grid-rejected", 200);
	}
}
