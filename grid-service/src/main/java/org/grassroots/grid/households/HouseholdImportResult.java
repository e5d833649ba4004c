package org.grassroots.grid.households;

/** What a household import did (all or nothing: with any error nothing is written). */
public record HouseholdImportResult(Counts households, Counts residents) {

	/** Per kind of record. */
	public record Counts(int created, int updated, int unchanged) {
	}
}
