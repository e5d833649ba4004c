package org.grassroots.grid.grids;

import java.util.List;
import java.util.UUID;

/**
 * What a bulk import did: every feature was either created, updated or left unchanged (an import is all or
 * nothing; with any error nothing is written and the errors come back as a problem).
 */
public record GridImportResult(int created, int updated, int unchanged, List<Item> items) {

	/** One feature's outcome. */
	public record Item(int index, String code, UUID id, String outcome) {
	}
}
