package org.grassroots.grid.grids;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.grid.geo.ParsedArea;
import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for grids and their staff. Row-level security confines every statement to the transaction's tenant. */
@Repository
class GridRepository {

	private static final String SUMMARY = "id, code, name, level, parent_id, region, null as geometry, area_m2, "
			+ "center_lat, center_lng, party_branch_id, status, created_at, updated_at, retired_at, version";

	private static final String FULL = "id, code, name, level, parent_id, region, geometry::text as geometry, "
			+ "area_m2, center_lat, center_lng, party_branch_id, status, created_at, updated_at, retired_at, version";

	private final JdbcClient jdbc;

	GridRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row to insert or update. */
	record Row(UUID id, String code, String name, GridLevel level, UUID parentId, String region, ParsedArea area,
			UUID partyBranchId) {
	}

	Grid insert(String tenant, Row row) {
		ParsedArea a = row.area();
		return jdbc.sql("""
				insert into grid (id, tenant_id, code, name, level, parent_id, region, geometry, min_lng, min_lat,
				                  max_lng, max_lat, area_m2, center_lat, center_lng, vertex_count, party_branch_id)
				values (:id, :tenant, :code, :name, :level, :parent, :region, cast(:geometry as jsonb), :minLng,
				        :minLat, :maxLng, :maxLat, :area, :centerLat, :centerLng, :vertices, :branch)
				returning\s""" + FULL)
			.param("id", row.id())
			.param("tenant", tenant)
			.param("code", row.code())
			.param("name", row.name())
			.param("level", row.level().name())
			.param("parent", row.parentId())
			.param("region", row.region())
			.param("geometry", a == null ? null : a.geoJson())
			.param("minLng", a == null ? null : a.envelope().getMinX())
			.param("minLat", a == null ? null : a.envelope().getMinY())
			.param("maxLng", a == null ? null : a.envelope().getMaxX())
			.param("maxLat", a == null ? null : a.envelope().getMaxY())
			.param("area", a == null ? null : a.areaSquareMeters())
			.param("centerLat", a == null ? null : a.centerLat())
			.param("centerLng", a == null ? null : a.centerLng())
			.param("vertices", a == null ? null : a.vertexCount())
			.param("branch", row.partyBranchId())
			.query(GridRepository::map)
			.single();
	}

	/**
	 * Updates name, boundary (when {@code area} is given or {@code clearArea}) and party branch.
	 * @return the updated grid, or empty when the version no longer matches
	 */
	Optional<Grid> update(UUID id, Long expectedVersion, String name, ParsedArea area, boolean replaceArea,
			UUID partyBranchId, boolean reactivate) {
		return jdbc.sql("""
				update grid set name = :name, party_branch_id = :branch,
				  geometry = case when :replace then cast(:geometry as jsonb) else geometry end,
				  min_lng = case when :replace then :minLng else min_lng end,
				  min_lat = case when :replace then :minLat else min_lat end,
				  max_lng = case when :replace then :maxLng else max_lng end,
				  max_lat = case when :replace then :maxLat else max_lat end,
				  area_m2 = case when :replace then :area else area_m2 end,
				  center_lat = case when :replace then :centerLat else center_lat end,
				  center_lng = case when :replace then :centerLng else center_lng end,
				  vertex_count = case when :replace then :vertices else vertex_count end,
				  status = case when :reactivate then 'ACTIVE' else status end,
				  retired_at = case when :reactivate then null else retired_at end,
				  updated_at = now(), version = version + 1
				where id = :id and (cast(:version as bigint) is null or version = :version)
				returning\s""" + FULL)
			.param("id", id)
			.param("version", expectedVersion)
			.param("name", name)
			.param("branch", partyBranchId)
			.param("replace", replaceArea)
			.param("reactivate", reactivate)
			.param("geometry", area == null ? null : area.geoJson())
			.param("minLng", area == null ? null : area.envelope().getMinX())
			.param("minLat", area == null ? null : area.envelope().getMinY())
			.param("maxLng", area == null ? null : area.envelope().getMaxX())
			.param("maxLat", area == null ? null : area.envelope().getMaxY())
			.param("area", area == null ? null : area.areaSquareMeters())
			.param("centerLat", area == null ? null : area.centerLat())
			.param("centerLng", area == null ? null : area.centerLng())
			.param("vertices", area == null ? null : area.vertexCount())
			.query(GridRepository::map)
			.optional();
	}

	Optional<Grid> retire(UUID id, long expectedVersion) {
		return jdbc.sql("update grid set status = 'RETIRED', retired_at = now(), updated_at = now(), "
				+ "version = version + 1 where id = :id and version = :version returning " + FULL)
			.param("id", id)
			.param("version", expectedVersion)
			.query(GridRepository::map)
			.optional();
	}

	Optional<Grid> touch(UUID id, long expectedVersion) {
		return jdbc.sql("update grid set updated_at = now(), version = version + 1 where id = :id and version = :version "
				+ "returning " + FULL)
			.param("id", id)
			.param("version", expectedVersion)
			.query(GridRepository::map)
			.optional();
	}

	Optional<Grid> find(UUID id) {
		return jdbc.sql("select " + FULL + " from grid where id = :id")
			.param("id", id)
			.query(GridRepository::map)
			.optional();
	}

	Optional<Grid> findSummary(UUID id) {
		return jdbc.sql("select " + SUMMARY + " from grid where id = :id")
			.param("id", id)
			.query(GridRepository::map)
			.optional();
	}

	/** The grids with these codes, summary only. */
	Map<String, Grid> findByCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, Grid> byCode = new java.util.HashMap<>();
		jdbc.sql("select " + SUMMARY + " from grid where code in (:codes)")
			.param("codes", codes)
			.query(GridRepository::map)
			.list()
			.forEach(g -> byCode.put(g.code(), g));
		return byCode;
	}

	/** The geometries of these grids as stored, by code (to tell unchanged imports). */
	Map<String, String> geometriesByCode(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, String> out = new java.util.HashMap<>();
		jdbc.sql("select code, geometry::text from grid where code in (:codes)")
			.param("codes", codes)
			.query((rs, n) -> {
				out.put(rs.getString(1), rs.getString(2));
				return null;
			})
			.list();
		return out;
	}

	int activeChildren(UUID id) {
		return jdbc.sql("select count(*) from grid where parent_id = :id and status = 'ACTIVE'")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/** Keyset page in id order within a region subtree, with optional filters. */
	List<Grid> page(String regionPrefix, GridLevel level, UUID parentId, String status, boolean geometry, UUID after,
			int limitPlusOne) {
		return jdbc.sql("select " + (geometry ? FULL : SUMMARY) + " from grid "
				+ "where (region = :prefix or region like :subtree) "
				+ "and (cast(:level as text) is null or level = :level) "
				+ "and (cast(:parent as uuid) is null or parent_id = :parent) "
				+ "and (cast(:status as text) is null or status = :status) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.param("level", level == null ? null : level.name())
			.param("parent", parentId)
			.param("status", status)
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(GridRepository::map)
			.list();
	}

	List<Grid> staffedBy(String subject) {
		return jdbc.sql("select " + SUMMARY + " from grid where status = 'ACTIVE' "
				+ "and id in (select grid_id from grid_staff where subject = :subject) order by region")
			.param("subject", subject)
			.query(GridRepository::map)
			.list();
	}

	List<GridStaffMember> staff(UUID gridId) {
		return jdbc.sql("select subject, name, role from grid_staff where grid_id = :grid "
				+ "order by case role when 'HEAD' then 0 when 'INSTRUCTOR' then 1 else 2 end, added_at, subject")
			.param("grid", gridId)
			.query((rs, n) -> new GridStaffMember(rs.getString(1), rs.getString(2), StaffRole.valueOf(rs.getString(3))))
			.list();
	}

	void replaceStaff(String tenant, UUID gridId, List<GridStaffMember> staff) {
		jdbc.sql("delete from grid_staff where grid_id = :grid").param("grid", gridId).update();
		for (GridStaffMember member : staff) {
			jdbc.sql("insert into grid_staff (tenant_id, grid_id, subject, name, role) "
					+ "values (:tenant, :grid, :subject, :name, :role)")
				.param("tenant", tenant)
				.param("grid", gridId)
				.param("subject", member.subject().strip())
				.param("name", member.name().strip())
				.param("role", member.role().name())
				.update();
		}
	}

	boolean isStaff(UUID gridId, String subject) {
		return jdbc.sql("select exists (select 1 from grid_staff where grid_id = :grid and subject = :subject)")
			.param("grid", gridId)
			.param("subject", subject)
			.query(Boolean.class)
			.single();
	}

	/** Bumps the tenant's grid index version in this transaction. @return the new version */
	long bumpIndexVersion(String tenant) {
		return jdbc.sql("""
				insert into grid_index_version (tenant_id, version, changed_at)
				values (:tenant, nextval('grid_index_version_seq'), now())
				on conflict (tenant_id) do update set version = excluded.version, changed_at = now()
				returning version
				""").param("tenant", tenant).query(Long.class).single();
	}

	long indexVersion() {
		return jdbc.sql("select coalesce(max(version), 0) from grid_index_version")
			.query(Long.class)
			.single();
	}

	/** Every tenant's index version: only inside the cross-tenant purpose {@code grid-index-sync}. */
	Map<String, Long> allIndexVersions() {
		Map<String, Long> versions = new java.util.HashMap<>();
		jdbc.sql("select tenant_id, version from grid_index_version").query((rs, n) -> {
			versions.put(rs.getString(1), rs.getLong(2));
			return null;
		}).list();
		return versions;
	}

	/** An active area to index. */
	record IndexRow(GridRef ref, String geometry, double area) {
	}

	List<IndexRow> activeAreas() {
		List<IndexRow> rows = new ArrayList<>();
		jdbc.sql("select id, code, name, level, region, geometry::text, area_m2 from grid "
				+ "where status = 'ACTIVE' and geometry is not null")
			.query((rs, n) -> new IndexRow(new GridRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					GridLevel.valueOf(rs.getString(4)), rs.getString(5)), rs.getString(6), rs.getDouble(7)))
			.list()
			.forEach(rows::add);
		return rows;
	}

	/** Active units by region path (for names in statistics and the path of a located grid). */
	List<GridRef> byRegions(Collection<String> regions) {
		if (regions.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id, code, name, level, region from grid where region in (:regions)")
			.param("regions", regions)
			.query((rs, n) -> new GridRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					GridLevel.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	private static Grid map(ResultSet rs, int row) throws SQLException {
		double centerLat = rs.getDouble("center_lat");
		boolean hasCenter = !rs.wasNull();
		double centerLng = rs.getDouble("center_lng");
		double area = rs.getDouble("area_m2");
		boolean hasArea = !rs.wasNull();
		return new Grid(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				GridLevel.valueOf(rs.getString("level")), rs.getObject("parent_id", UUID.class), rs.getString("region"),
				rs.getString("geometry"), hasArea ? Math.round(area * 10) / 10.0 : null,
				hasCenter ? new Grid.Center(centerLat, centerLng) : null, rs.getObject("party_branch_id", UUID.class),
				rs.getString("status"), null, rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("retired_at", OffsetDateTime.class),
				rs.getLong("version"));
	}
}
