package org.grassroots.center.settings;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TenantSettingsRepository {

	private final JdbcClient jdbc;

	TenantSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TenantSettings> find() {
		return jdbc.sql("select time_zone, version from tenant_setting")
			.query((rs, n) -> new TenantSettings(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	/** @return the stored settings, or empty when {@code expectedVersion} is stale */
	Optional<TenantSettings> save(String tenant, long expectedVersion, String timeZone) {
		if (expectedVersion == 0) {
			return jdbc.sql("""
					insert into tenant_setting (tenant_id, time_zone) values (:tenant, :zone)
					on conflict (tenant_id) do nothing returning time_zone, version
					""").param("tenant", tenant).param("zone", timeZone)
				.query((rs, n) -> new TenantSettings(rs.getString(1), rs.getLong(2)))
				.optional();
		}
		return jdbc.sql("""
				update tenant_setting set time_zone = :zone, version = version + 1, updated_at = now()
				where tenant_id = :tenant and version = :version returning time_zone, version
				""").param("tenant", tenant).param("zone", timeZone).param("version", expectedVersion)
			.query((rs, n) -> new TenantSettings(rs.getString(1), rs.getLong(2)))
			.optional();
	}
}
