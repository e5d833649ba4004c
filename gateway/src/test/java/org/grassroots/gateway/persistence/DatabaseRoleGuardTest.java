package org.grassroots.gateway.persistence;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.PostgresServer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The start-up guard against roles that could bypass row-level security, on a real PostgreSQL. */
class DatabaseRoleGuardTest {

	@Test
	void refusesASuperuser() {
		PostgresServer server = PostgresServer.shared();
		DataSource superuser = new DriverManagerDataSource(
				"jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres", "postgres", "");
		assertThatIllegalStateException().isThrownBy(() -> DatabaseRoleGuard.check(JdbcClient.create(superuser)))
			.withMessageContaining("superuser or has BYPASSRLS");
	}

	@Test
	void refusesAnApplicationRoleThatOwnsTablesOrUnforcedTenantTables() {
		DatabaseCredentials db = PostgresServer.shared().createUniqueDatabase("guard");
		JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()));
		owner.sql("create table plain (id int)").update();
		// connecting as the owner: it owns a table
		assertThatIllegalStateException().isThrownBy(() -> DatabaseRoleGuard.check(owner)).withMessageContaining("owns");

		JdbcClient app = JdbcClient.create(new DriverManagerDataSource(db.jdbcUrl(), db.appUser(), db.appPassword()));
		assertThatNoException().isThrownBy(() -> DatabaseRoleGuard.check(app));
		owner.sql("create table tenant_thing (tenant_id text)").update();
		owner.sql("alter table tenant_thing enable row level security").update();
		assertThatIllegalStateException().isThrownBy(() -> DatabaseRoleGuard.check(app))
			.withMessageContaining("tenant_thing");
		owner.sql("alter table tenant_thing force row level security").update();
		assertThatNoException().isThrownBy(() -> DatabaseRoleGuard.check(app));
	}

}
