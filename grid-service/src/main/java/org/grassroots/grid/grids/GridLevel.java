package org.grassroots.grid.grids;

import org.grassroots.defaults.security.Regions;

/** Levels of the grid hierarchy, each one below the previous: street → community → grid → micro-grid. */
public enum GridLevel {

	STREET(Regions.STREET), COMMUNITY(Regions.COMMUNITY), GRID(4), MICRO_GRID(5);

	private final int depth;

	GridLevel(int depth) {
		this.depth = depth;
	}

	/** Depth of its region path: 2 street … 5 micro-grid. */
	public int depth() {
		return depth;
	}

	/** The level its parent must have, {@code null} for streets (their parent is the district). */
	public GridLevel parentLevel() {
		return switch (this) {
			case STREET -> null;
			case COMMUNITY -> STREET;
			case GRID -> COMMUNITY;
			case MICRO_GRID -> GRID;
		};
	}

	/** Grids and micro-grids must have a boundary; streets and communities may. */
	public boolean requiresGeometry() {
		return this == GRID || this == MICRO_GRID;
	}
}
