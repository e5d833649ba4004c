package org.grassroots.grid.buildings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.grid.compounds.LatLng;
import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for buildings. */
@Repository
class BuildingRepository {

	private static final String COLUMNS = "id, code, name, grid_id, compound_id, region, lat, lng, floors, created_at, "
			+ "updated_at, version";

	private final JdbcClient jdbc;

	BuildingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Building insert(String tenant, UUID id, BuildingDraft draft, String region) {
		return jdbc.sql("insert into building (id, tenant_id, code, name, grid_id, compound_id, region, lat, lng, floors) "
				+ "values (:id, :tenant, :code, :name, :grid, :compound, :region, :lat, :lng, :floors) returning "
				+ COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("code", draft.code())
			.param("name", draft.name().strip())
			.param("grid", draft.gridId())
			.param("compound", draft.compoundId())
			.param("region", region)
			.param("lat", draft.location() == null ? null : draft.location().lat())
			.param("lng", draft.location() == null ? null : draft.location().lng())
			.param("floors", draft.floors())
			.query(BuildingRepository::map)
			.single();
	}

	Optional<Building> update(UUID id, long version, String name, UUID compoundId, LatLng location, Integer floors) {
		return jdbc.sql("update building set name = :name, compound_id = :compound, lat = :lat, lng = :lng, "
				+ "floors = :floors, updated_at = now(), version = version + 1 where id = :id and version = :version "
				+ "returning " + COLUMNS)
			.param("id", id)
			.param("version", version)
			.param("name", name)
			.param("compound", compoundId)
			.param("lat", location == null ? null : location.lat())
			.param("lng", location == null ? null : location.lng())
			.param("floors", floors)
			.query(BuildingRepository::map)
			.optional();
	}

	Optional<Building> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from building where id = :id")
			.param("id", id)
			.query(BuildingRepository::map)
			.optional();
	}

	Map<String, Building> byCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, Building> out = new java.util.HashMap<>();
		jdbc.sql("select " + COLUMNS + " from building where code in (:codes)")
			.param("codes", codes)
			.query(BuildingRepository::map)
			.list()
			.forEach(b -> out.put(b.code(), b));
		return out;
	}

	List<Building> page(String regionPrefix, UUID gridId, UUID compoundId, UUID after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from building where (region = :prefix or region like :subtree) "
				+ "and (cast(:grid as uuid) is null or grid_id = :grid) "
				+ "and (cast(:compound as uuid) is null or compound_id = :compound) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.param("grid", gridId)
			.param("compound", compoundId)
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(BuildingRepository::map)
			.list();
	}

	private static Building map(ResultSet rs, int row) throws SQLException {
		double lat = rs.getDouble("lat");
		boolean hasLocation = !rs.wasNull();
		int floors = rs.getInt("floors");
		boolean hasFloors = !rs.wasNull();
		return new Building(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getObject("grid_id", UUID.class), rs.getObject("compound_id", UUID.class), rs.getString("region"),
				hasLocation ? new LatLng(lat, rs.getDouble("lng")) : null, hasFloors ? floors : null,
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}
}
