package org.grassroots.defaults.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Runs the service's migrations, then service-defaults' own (outbox, inbox, idempotency records: their own
 * history table so their versions never interleave with the service's), then grants the application role DML on
 * every table, all as the owner. The application role owns nothing.
 */
public class ServiceDefaultsMigrations implements FlywayMigrationStrategy {

	private static final Pattern ROLE_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}");

	private final String appRole;

	public ServiceDefaultsMigrations(String appRole) {
		if (appRole != null && !ROLE_NAME.matcher(appRole).matches()) {
			throw new IllegalArgumentException("Unsafe application role name: " + appRole);
		}
		this.appRole = appRole;
	}

	@Override
	public void migrate(Flyway flyway) {
		flyway.migrate();
		Flyway.configure()
			.configuration(flyway.getConfiguration())
			.locations("classpath:db/service-defaults")
			.table("flyway_history_service_defaults")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		if (appRole != null) {
			grant(flyway);
		}
	}

	private void grant(Flyway flyway) {
		try (Connection c = flyway.getConfiguration().getDataSource().getConnection();
				Statement s = c.createStatement()) {
			s.execute("grant usage on schema public to " + appRole);
			s.execute("grant select, insert, update, delete on all tables in schema public to " + appRole);
			s.execute("grant usage, select on all sequences in schema public to " + appRole);
			s.execute("revoke all on flyway_schema_history, flyway_history_service_defaults from " + appRole);
			// the audit of personal-data reads is append-only for the application
			s.execute("revoke update, delete, truncate on personal_data_access from " + appRole);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not grant the application role " + appRole, ex);
		}
	}
}
