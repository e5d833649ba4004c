package org.grassroots.gateway.tenants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tenant rows. {@code tenant} is a platform table without row-level security: the application role reads it to
 * resolve any caller's district.
 */
@Repository
class TenantRepository {

	private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {
	};

	private static final String COLUMNS = "code, name, status, settings::text as settings, created_at, updated_at, version";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TenantRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts a new tenant; a duplicate code raises {@link org.springframework.dao.DuplicateKeyException}. */
	Tenant insert(String code, String name, Map<String, Object> settings) {
		return jdbc.sql("insert into tenant (code, name, status, settings) values (?, ?, 'ACTIVE', ?::jsonb) returning "
				+ COLUMNS)
			.params(code, name, json.writeValueAsString(settings))
			.query(this::map)
			.single();
	}

	Optional<Tenant> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from tenant where code = ?").param(code).query(this::map).optional();
	}

	/** Up to {@code limit} tenants ordered by code, after {@code afterCode} when given. */
	List<Tenant> list(String afterCode, int limit) {
		return jdbc.sql("select " + COLUMNS + " from tenant where (?::text is null or code > ?) order by code limit ?")
			.params(afterCode, afterCode, limit)
			.query(this::map)
			.list();
	}

	/** Writes the new state if the row still has {@code expectedVersion}; empty when it does not. */
	Optional<Tenant> update(String code, long expectedVersion, String name, TenantStatus status,
			Map<String, Object> settings) {
		return jdbc.sql("""
				update tenant set name = ?, status = ?, settings = ?::jsonb, version = version + 1, updated_at = now()
				where code = ? and version = ?
				returning """ + " " + COLUMNS)
			.params(name, status.name(), json.writeValueAsString(settings), code, expectedVersion)
			.query(this::map)
			.optional();
	}

	private Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(rs.getString("code"), rs.getString("name"), TenantStatus.valueOf(rs.getString("status")),
				json.readValue(rs.getString("settings"), SETTINGS), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
	}

}
