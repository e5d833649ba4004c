package org.grassroots.grid.grids;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A partial update; absent fields stay. Code, level and parent are fixed (they make the region path that records
 * below refer to): retire and recreate instead.
 *
 * @param name new name
 * @param geometry new boundary
 * @param partyBranchId new party branch
 * @param clearPartyBranch remove the party branch
 */
public record GridChange(@Pattern(regexp = ".*\\S.*") @Size(max = 100) String name, JsonNode geometry,
		UUID partyBranchId, Boolean clearPartyBranch) {
}
