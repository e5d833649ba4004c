package org.grassroots.volunteer.volunteers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for volunteers. Row-level security confines every statement to the transaction's tenant. */
@Repository
class VolunteerRepository {

	private static final String COLUMNS = "id, name, region, skills, status, registered_at, updated_at, version";

	private final JdbcClient jdbc;

	VolunteerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Volunteer insert(String tenant, UUID id, VolunteerRegistration registration) {
		return jdbc.sql("insert into volunteer (id, tenant_id, name, region, skills) "
				+ "values (:id, :tenant, :name, :region, :skills) returning " + COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("name", registration.name().strip())
			.param("region", registration.region())
			.param("skills", registration.skills() == null ? new String[0] : registration.skills().toArray(String[]::new))
			.query(VolunteerRepository::map)
			.single();
	}

	Optional<Volunteer> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from volunteer where id = :id")
			.param("id", id)
			.query(VolunteerRepository::map)
			.optional();
	}

	/** Keyset page within a region subtree, in id order; fetches one extra row to tell whether more exist. */
	List<Volunteer> page(String regionPrefix, UUID after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from volunteer "
				+ "where (region = :prefix or region like :subtree) and (cast(:after as uuid) is null or id > :after) "
				+ "order by id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", escapeLike(regionPrefix) + "/%")
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(VolunteerRepository::map)
			.list();
	}

	/** @return the updated row, or empty when the version no longer matches */
	Optional<Volunteer> update(UUID id, long expectedVersion, String name, List<String> skills, VolunteerStatus status) {
		return jdbc.sql("update volunteer set name = :name, skills = :skills, status = :status, "
				+ "updated_at = now(), version = version + 1 where id = :id and version = :version returning " + COLUMNS)
			.param("id", id)
			.param("version", expectedVersion)
			.param("name", name)
			.param("skills", skills.toArray(String[]::new))
			.param("status", status.name())
			.query(VolunteerRepository::map)
			.optional();
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Volunteer map(ResultSet rs, int row) throws SQLException {
		Array skills = rs.getArray("skills");
		return new Volunteer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("region"),
				skills == null ? List.of() : Arrays.asList((String[]) skills.getArray()),
				VolunteerStatus.valueOf(rs.getString("status")), rs.getObject("registered_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
	}
}
