package org.grassroots.launcher.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.grassroots.launcher.LocalPlatform;
import org.grassroots.testsupport.DatabaseCredentials;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.A;
import static org.grassroots.launcher.e2e.Fixtures.B;
import static org.grassroots.launcher.e2e.Fixtures.VOLUNTEERS;

/** District B sees nothing of district A: not through the gateway, and not in the database as the app role. */
@Order(3)
@ExtendWith(PlatformExtension.class)
class TenantIsolationIT {

	private final LocalPlatform platform;

	private final Gateway gateway;

	TenantIsolationIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void tenantBCannotReadListOrChangeTenantAsVolunteers() {
		String id = Fixtures.volunteer(platform, gateway, A, "隔离测试甲");
		String adminB = platform.tokenFor(B, "TENANT_ADMIN");

		assertThat(gateway.get(VOLUNTEERS + "/" + id).bearer(adminB).send().status()).isEqualTo(404);
		assertThat(gateway.get(VOLUNTEERS + "?limit=100").bearer(adminB).send().ids()).doesNotContain(id);
		assertThat(gateway.get(VOLUNTEERS + "?limit=100&region=" + A).bearer(adminB).send().ids())
			.doesNotContain(id);
		assertThat(gateway.get(VOLUNTEERS + "?limit=100").apiKey(platform.credentials().tenant(B).apiKey()).send()
			.ids()).doesNotContain(id);

		Gateway.Reply change = gateway.patch(VOLUNTEERS + "/" + id, Map.of("name", "被篡改"))
			.bearer(adminB)
			.header("If-Match", "\"1\"")
			.send();
		assertThat(change.status()).as("%s", change).isEqualTo(404);

		Gateway.Reply asA = gateway.get(VOLUNTEERS + "/" + id).bearer(platform.tokenFor(A, "TENANT_ADMIN")).send();
		assertThat(asA.status()).isEqualTo(200);
		assertThat(asA.json().path("name").asString()).isEqualTo("隔离测试甲");
	}

	@Test
	void theVolunteerAppRoleWithTenantBSetSeesNoneOfTenantAsRows() throws SQLException {
		Fixtures.volunteer(platform, gateway, A, "隔离测试乙");
		DatabaseCredentials db = platform.database("volunteer");
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
			connection.setAutoCommit(false);
			assertThat(count(connection, "select count(*) from volunteer")).as("no tenant set").isZero();

			setTenant(connection, B);
			assertThat(count(connection, "select count(*) from volunteer where tenant_id = '" + A + "'")).isZero();
			assertThat(count(connection, "select count(*) from volunteer where tenant_id <> '" + B + "'")).isZero();
			connection.rollback();

			setTenant(connection, A);
			assertThat(count(connection, "select count(*) from volunteer")).as("tenant A set").isPositive();
			connection.rollback();
		}
	}

	private static void setTenant(Connection connection, String tenant) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
			statement.setString(1, tenant);
			statement.execute();
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
