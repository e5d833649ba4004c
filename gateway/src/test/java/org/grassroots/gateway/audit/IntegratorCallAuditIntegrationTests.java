package org.grassroots.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.grassroots.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@Order(5)
class IntegratorCallAuditIntegrationTests extends GatewayIntegrationTest {

	static final String TENANT = "330102";

	@Test
	void integratorCallsAreAuditedAsynchronouslyInTheirDistrict() throws SQLException {
		ensureTenant(TENANT, "上城区");
		ensureTenant("330105", "拱墅区");
		Map<String, Object> issued = issueClient(TENANT, Map.of("name", "大数据中心"));
		String key = (String) issued.get("apiKey");
		String id = (String) issued.get("id");
		client().get().uri("/api/v1/cases/audit-1").header("X-API-Key", key).exchange().expectStatus().isOk();
		client().get().uri("/api/v1/nowhere").header("X-API-Key", key).exchange().expectStatus().isNotFound();

		Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			List<String> rows = auditRows(TENANT, id);
			assertThat(rows).containsExactlyInAnyOrder("grid GET /api/v1/cases/audit-1 200",
					"gateway GET /api/v1/nowhere 404");
		});
		assertThat(auditRows("330105", id)).as("another district sees none of it").isEmpty();
	}

	private static List<String> auditRows(String tenant, String clientId) throws SQLException {
		try (Connection app = appConnection()) {
			app.setAutoCommit(false);
			try (PreparedStatement set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				set.setString(1, tenant);
				set.execute();
			}
			List<String> rows = new ArrayList<>();
			try (PreparedStatement query = app.prepareStatement("""
					select route_id, method, path, status, latency_ms from integrator_call_audit
					where client_id = ?::uuid order by at""")) {
				query.setString(1, clientId);
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						assertThat(rs.getInt("latency_ms")).isNotNegative();
						rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
					}
				}
			}
			app.rollback();
			return rows;
		}
	}

}
