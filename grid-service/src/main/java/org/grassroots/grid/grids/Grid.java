package org.grassroots.grid.grids;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A grid (or street, community, micro-grid) as the API shows it. {@code geometry} is GeoJSON; lists leave it out
 * unless asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grid(UUID id, String code, String name, GridLevel level, UUID parentId, String region,
		@JsonRawValue String geometry, Double areaSquareMeters, Center center, UUID partyBranchId, String status,
		List<GridStaffMember> staff, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime retiredAt,
		long version) {

	/** An interior point, e.g. for a map label. */
	public record Center(double lat, double lng) {
	}

	Grid withStaff(List<GridStaffMember> members) {
		return new Grid(id, code, name, level, parentId, region, geometry, areaSquareMeters, center, partyBranchId,
				status, members, createdAt, updatedAt, retiredAt, version);
	}

	GridRef ref() {
		return new GridRef(id, code, name, level, region);
	}
}
