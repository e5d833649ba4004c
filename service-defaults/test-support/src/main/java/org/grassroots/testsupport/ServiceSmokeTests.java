package org.grassroots.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must do from its first day, checked against the running app: health groups, metrics and
 * OpenAPI open to the platform, everything else closed without the internal token, and every tenant table in
 * its database under forced row-level security for an application role that owns nothing. A service's test
 * extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and registers
 * {@link TestInfrastructure} for its database.
 */
public abstract class ServiceSmokeTests {

	@LocalServerPort
	private int port;

	protected TestHttp http;

	/** The service's database name, e.g. {@code grid}. */
	protected abstract String databaseName();

	/** The service's name, e.g. {@code grid-service}. */
	protected abstract String applicationName();

	/** A path of the service's API that needs a token. */
	protected String protectedPath() {
		return "/api/v1/anything";
	}

	@BeforeEach
	void client() {
		http = new TestHttp("http://localhost:" + port);
	}

	@Test
	void healthGroupsAreUp() {
		TestHttp.Response readiness = http.get("/actuator/health/readiness").send();
		assertThat(readiness.status()).isEqualTo(200);
		assertThat((String) readiness.json("$.status")).isEqualTo("UP");
		assertThat(http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
	}

	@Test
	void metricsCarryTheApplicationTag() {
		TestHttp.Response metrics = http.get("/actuator/prometheus").send();
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("application=\"" + applicationName() + "\"");
	}

	@Test
	void publishesOpenApi31() {
		TestHttp.Response docs = http.get("/v3/api-docs").send();
		assertThat(docs.status()).isEqualTo(200);
		assertThat((String) docs.json("$.openapi")).startsWith("3.1");
	}

	@Test
	void refusesCallsWithoutTheInternalToken() {
		TestHttp.Response response = http.get(protectedPath()).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
		TestHttp.Response forged = http.get(protectedPath()).header("X-Tenant-Id", "441702").send();
		assertThat(forged.status()).isEqualTo(401);
	}

	@Test
	void everyTenantTableHasForcedRowLevelSecurityAndTheAppRoleOwnsNothing() throws Exception {
		DatabaseCredentials db = TestInfrastructure.database(databaseName());
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
				Statement s = c.createStatement()) {
			List<String> tenantTables = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("""
					select c.relname, c.relrowsecurity and c.relforcerowsecurity
					from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
					where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
					""")) {
				while (rs.next()) {
					assertThat(rs.getBoolean(2)).as("forced RLS on " + rs.getString(1)).isTrue();
					tenantTables.add(rs.getString(1));
				}
			}
			assertThat(tenantTables).contains("outbox_event", "inbox_event", "idempotency_record");
			try (ResultSet rs = s.executeQuery("""
					select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)
					""")) {
				rs.next();
				assertThat(rs.getLong(1)).isZero();
			}
			try (ResultSet rs = s.executeQuery(
					"select rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
				rs.next();
				assertThat(rs.getBoolean(1)).isFalse();
			}
		}
	}
}
