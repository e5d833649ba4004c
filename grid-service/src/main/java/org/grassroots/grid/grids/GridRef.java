package org.grassroots.grid.grids;

import java.util.UUID;

/**
 * What other features need of a grid: its identity, level and region path.
 *
 * @param id the grid
 * @param code unique in the district
 * @param name display name
 * @param level street, community, grid or micro-grid
 * @param region its region path
 */
public record GridRef(UUID id, String code, String name, GridLevel level, String region) {
}
