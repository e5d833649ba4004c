package org.grassroots.grid.compounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for compounds. */
@Repository
class CompoundRepository {

	private static final String COLUMNS = "id, code, name, region, lat, lng, population, created_at, updated_at, version";

	private final JdbcClient jdbc;

	CompoundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Compound insert(String tenant, UUID id, CompoundDraft draft) {
		return jdbc.sql("insert into compound (id, tenant_id, code, name, region, lat, lng, population) "
				+ "values (:id, :tenant, :code, :name, :region, :lat, :lng, :population) returning " + COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("code", draft.code())
			.param("name", draft.name().strip())
			.param("region", draft.region())
			.param("lat", draft.location().lat())
			.param("lng", draft.location().lng())
			.param("population", draft.population())
			.query(CompoundRepository::map)
			.single();
	}

	Optional<Compound> update(UUID id, long version, String name, LatLng location, int population) {
		return jdbc.sql("update compound set name = :name, lat = :lat, lng = :lng, population = :population, "
				+ "updated_at = now(), version = version + 1 where id = :id and version = :version returning " + COLUMNS)
			.param("id", id)
			.param("version", version)
			.param("name", name)
			.param("lat", location.lat())
			.param("lng", location.lng())
			.param("population", population)
			.query(CompoundRepository::map)
			.optional();
	}

	Optional<Compound> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from compound where id = :id")
			.param("id", id)
			.query(CompoundRepository::map)
			.optional();
	}

	Map<String, Compound> byCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, Compound> out = new java.util.HashMap<>();
		jdbc.sql("select " + COLUMNS + " from compound where code in (:codes)")
			.param("codes", codes)
			.query(CompoundRepository::map)
			.list()
			.forEach(c -> out.put(c.code(), c));
		return out;
	}

	List<Compound> page(String regionPrefix, UUID after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from compound where (region = :prefix or region like :subtree) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(CompoundRepository::map)
			.list();
	}

	private static Compound map(ResultSet rs, int row) throws SQLException {
		return new Compound(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("region"), new LatLng(rs.getDouble("lat"), rs.getDouble("lng")), rs.getInt("population"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}
}
