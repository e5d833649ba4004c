package org.grassroots.grid.grids;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A new street, community, grid or micro-grid.
 *
 * @param code unique in the district, becomes the last segment of its region path
 * @param name display name
 * @param level its level
 * @param parentId the unit above (absent for streets)
 * @param geometry GeoJSON Polygon or MultiPolygon (required for grids and micro-grids)
 * @param partyBranchId the grid party branch (member-service organization id)
 * @param staff head, instructor, workers
 */
public record GridDraft(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,32}") String code,
		@NotBlank @Size(max = 100) String name, @NotNull GridLevel level, UUID parentId, JsonNode geometry,
		UUID partyBranchId, @Size(max = 200) List<@Valid GridStaffMember> staff) {
}
