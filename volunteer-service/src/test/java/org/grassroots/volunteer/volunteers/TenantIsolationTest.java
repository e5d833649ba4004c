package org.grassroots.volunteer.volunteers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.volunteer.VolunteerServiceTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second district sees nothing of the first: not through the API, and not in the database as the
 * application role, whatever the SQL.
 */
class TenantIsolationTest extends VolunteerServiceTestBase {

	static final String A = TestTokens.person("441702", "admin-a", "441702", "TENANT_ADMIN");

	static final String B = TestTokens.person("340202", "admin-b", "340202", "TENANT_ADMIN");

	@Test
	void secondTenantCannotReadListOrChangeTheFirstTenantsVolunteers() {
		Response created = http.post("/api/v1/volunteers")
			.bearer(A)
			.json("{\"name\":\"黄海\",\"region\":\"441702/03\"}")
			.send();
		String id = created.json("$.id");

		assertThat(http.get("/api/v1/volunteers/" + id).bearer(B).send().status()).isEqualTo(404);
		List<String> listed = http.get("/api/v1/volunteers?limit=100").bearer(B).send().json("$.items[*].id");
		assertThat(listed).doesNotContain(id);
		Response change = http.patch("/api/v1/volunteers/" + id)
			.bearer(B)
			.header("If-Match", "\"1\"")
			.json("{\"name\":\"被篡改\"}")
			.send();
		assertThat(change.status()).isEqualTo(404);
		assertThat((String) http.get("/api/v1/volunteers/" + id).bearer(A).send().json("$.name")).isEqualTo("黄海");
	}

	@Test
	void theApplicationRoleSeesOnlyTheTenantItSetsAndCannotWriteForAnother() throws Exception {
		http.post("/api/v1/volunteers").bearer(A).json("{\"name\":\"林涛\",\"region\":\"441702/04\"}").send();
		DatabaseCredentials db = TestInfrastructure.database("volunteer");
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
			c.setAutoCommit(false);
			assertThat(count(c, "select count(*) from volunteer")).as("no tenant set: nothing").isZero();
			setTenant(c, "340202");
			assertThat(count(c, "select count(*) from volunteer where tenant_id = '441702'")).isZero();
			setTenant(c, "441702");
			assertThat(count(c, "select count(*) from volunteer")).isPositive();
			c.rollback();

			setTenant(c, "340202");
			try (Statement s = c.createStatement()) {
				assertThatThrownBy(() -> s.executeUpdate("insert into volunteer (id, tenant_id, name, region) "
						+ "values (gen_random_uuid(), '441702', 'x', '441702')"))
					.hasMessageContaining("row-level security");
			}
			c.rollback();
			try (Statement s = c.createStatement()) {
				assertThatThrownBy(() -> s.execute("alter table volunteer disable row level security"))
					.hasMessageContaining("must be owner");
			}
			c.rollback();
		}
	}

	private static void setTenant(Connection c, String tenant) throws Exception {
		try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
			ps.setString(1, tenant);
			ps.execute();
		}
	}

	private static long count(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
