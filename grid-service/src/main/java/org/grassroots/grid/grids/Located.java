package org.grassroots.grid.grids;

import java.util.List;

/**
 * The answer to "which grid is this point in".
 *
 * @param grid the deepest unit containing the point (a micro-grid or grid, else a community or street)
 * @param path every containing unit from the street down
 * @param indexVersion the version of the grid index that answered
 */
public record Located(GridRef grid, List<GridRef> path, long indexVersion) {
}
