package org.grassroots.center.map;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.grassroots.center.centers.CenterLevel;
import org.grassroots.center.centers.CompiledHours;
import org.grassroots.center.centers.OpeningHours;
import org.grassroots.center.support.JsonColumns;
import org.grassroots.center.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the public map reads from the database: the tenant's index version and its operating centers. */
@Repository
class MapIndexRepository {

	private final JdbcClient jdbc;

	private final JsonColumns json;

	MapIndexRepository(JdbcClient jdbc, JsonColumns json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long version() {
		return jdbc.sql("select coalesce((select version from center_index_version), 0)").query(Long.class).single();
	}

	/** Bumps the version of the current tenant's map data (locks the tenant's row until commit). */
	long bump(String tenant) {
		return jdbc.sql("""
				insert into center_index_version (tenant_id, version) values (:tenant, 1)
				on conflict (tenant_id) do update set version = center_index_version.version + 1
				returning version
				""").param("tenant", tenant).query(Long.class).single();
	}

	List<MapPoint> activeCenters() {
		return jdbc.sql("""
				select id, name, brand_name, level, region, address, lat, lng, stars, service_items, facilities, phone,
				       opening_hours::text as opening_hours
				from center where status = 'ACTIVE'
				""").query((rs, n) -> {
			CompiledHours hours;
			try {
				hours = json.read(rs.getString("opening_hours"), OpeningHours.class).compile("openingHours");
			}
			catch (RuntimeException ex) {
				// stored hours were validated on write; should an old row not compile, show the center as closed
				hours = CompiledHours.CLOSED;
			}
			return new MapPoint(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("brand_name"),
					CenterLevel.valueOf(rs.getString("level")), rs.getString("region"), rs.getString("address"),
					rs.getDouble("lat"), rs.getDouble("lng"), rs.getInt("stars"),
					Set.copyOf(Sql.strings(rs, "service_items")), Sql.strings(rs, "facilities"), rs.getString("phone"),
					hours);
		}).list();
	}
}
