package org.grassroots.grid.patrols;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.tenancy.TenantContext;
import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for patrols and their track points. */
@Repository
class PatrolRepository {

	private static final String COLUMNS = "id, grid_id, region, worker_subject, status, started_at, ended_at, "
			+ "point_count, distance_m, note, last_lat, last_lng, last_point_at, version";

	private final JdbcClient jdbc;

	PatrolRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A patrol row with its last point (to continue the distance). */
	record Row(UUID id, UUID gridId, String region, String worker, String status, OffsetDateTime startedAt,
			OffsetDateTime endedAt, int pointCount, double distance, String note, Double lastLat, Double lastLng,
			OffsetDateTime lastPointAt, long version) {

		Patrol view(String track, List<Patrol.Finding> findings) {
			return new Patrol(id, gridId, region, worker, status, startedAt, endedAt, pointCount,
					Math.round(distance * 10) / 10.0, note, track, findings, version);
		}
	}

	Row insert(String tenant, UUID id, UUID gridId, String region, String worker, String note) {
		return jdbc.sql("insert into patrol (id, tenant_id, grid_id, region, worker_subject, note) "
				+ "values (:id, :tenant, :grid, :region, :worker, :note) returning " + COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("grid", gridId)
			.param("region", region)
			.param("worker", worker)
			.param("note", note, java.sql.Types.VARCHAR)
			.query(PatrolRepository::map)
			.single();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from patrol where id = :id")
			.param("id", id)
			.query(PatrolRepository::map)
			.optional();
	}

	Optional<Row> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from patrol where id = :id for update")
			.param("id", id)
			.query(PatrolRepository::map)
			.optional();
	}

	boolean hasActive(String worker) {
		return jdbc.sql("select exists (select 1 from patrol where worker_subject = :worker and status = 'ACTIVE')")
			.param("worker", worker)
			.query(Boolean.class)
			.single();
	}

	void addPoint(String tenant, UUID patrolId, int seq, double lat, double lng, OffsetDateTime at) {
		jdbc.sql("insert into patrol_point (tenant_id, patrol_id, seq, lat, lng, recorded_at) "
				+ "values (:tenant, :patrol, :seq, :lat, :lng, :at)")
			.param("tenant", tenant)
			.param("patrol", patrolId)
			.param("seq", seq)
			.param("lat", lat)
			.param("lng", lng)
			.param("at", at)
			.update();
	}

	Row progress(UUID id, int pointCount, double distance, double lastLat, double lastLng, OffsetDateTime lastAt) {
		return jdbc.sql("update patrol set point_count = :count, distance_m = :distance, last_lat = :lat, "
				+ "last_lng = :lng, last_point_at = :at, version = version + 1 where id = :id returning " + COLUMNS)
			.param("id", id)
			.param("count", pointCount)
			.param("distance", distance)
			.param("lat", lastLat)
			.param("lng", lastLng)
			.param("at", lastAt)
			.query(PatrolRepository::map)
			.single();
	}

	Optional<Row> end(UUID id, String note) {
		return jdbc.sql("update patrol set status = 'ENDED', ended_at = now(), note = coalesce(:note, note), "
				+ "version = version + 1 where id = :id and status = 'ACTIVE' returning " + COLUMNS)
			.param("id", id)
			.param("note", note, java.sql.Types.VARCHAR)
			.query(PatrolRepository::map)
			.optional();
	}

	/** The track as GeoJSON LineString text (null with fewer than two points). */
	String track(UUID id) {
		List<double[]> points = jdbc.sql("select lng, lat from patrol_point where patrol_id = :id order by seq")
			.param("id", id)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.list();
		if (points.size() < 2) {
			return null;
		}
		StringBuilder out = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
		for (int i = 0; i < points.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('[').append(points.get(i)[0]).append(',').append(points.get(i)[1]).append(']');
		}
		return out.append("]}").toString();
	}

	List<Patrol.Finding> findings(UUID id) {
		// the tenant spelled out: grid_case's escalation policy, OR-ed into its row-level security, would otherwise
		// keep the planner from the tenant-leading index
		return jdbc.sql("select id, number, category_code, status from grid_case where tenant_id = :tenant "
				+ "and patrol_id = :id order by reported_at")
			.param("tenant", TenantContext.current())
			.param("id", id)
			.query((rs, n) -> new Patrol.Finding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	List<Row> page(String regionPrefix, UUID gridId, String worker, UUID after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from patrol where (region = :prefix or region like :subtree) "
				+ "and (cast(:grid as uuid) is null or grid_id = :grid) "
				+ "and (cast(:worker as text) is null or worker_subject = :worker) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.param("grid", gridId, java.sql.Types.OTHER)
			.param("worker", worker, java.sql.Types.VARCHAR)
			.param("after", after, java.sql.Types.OTHER)
			.param("limit", limitPlusOne)
			.query(PatrolRepository::map)
			.list();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		double lastLat = rs.getDouble("last_lat");
		boolean hasLast = !rs.wasNull();
		return new Row(rs.getObject("id", UUID.class), rs.getObject("grid_id", UUID.class), rs.getString("region"),
				rs.getString("worker_subject"), rs.getString("status"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("ended_at", OffsetDateTime.class), rs.getInt("point_count"), rs.getDouble("distance_m"),
				rs.getString("note"), hasLast ? lastLat : null, hasLast ? rs.getDouble("last_lng") : null,
				rs.getObject("last_point_at", OffsetDateTime.class), rs.getLong("version"));
	}
}
