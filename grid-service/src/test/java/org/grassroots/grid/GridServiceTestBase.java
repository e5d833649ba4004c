package org.grassroots.grid;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestHttp;
import org.grassroots.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** One Spring context for every integration test of the service, on real PostgreSQL, Redis and WireMock. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = GridTestInfrastructure.class)
public abstract class GridServiceTestBase {

	@LocalServerPort
	private int port;

	protected TestHttp http;

	@BeforeEach
	void client() {
		http = new TestHttp("http://localhost:" + port);
	}

	/**
	 * Runs SQL as the owner role inside one tenant (row-level security is forced for the owner too), for checks
	 * and set-ups the API does not offer (e.g. moving a deadline into the past).
	 */
	protected static List<List<Object>> sql(String tenant, String statement, Object... args) {
		DatabaseCredentials db = TestInfrastructure.database("grid");
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
			c.setAutoCommit(false);
			try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				set.setString(1, tenant);
				set.execute();
			}
			List<List<Object>> rows = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement(statement)) {
				for (int i = 0; i < args.length; i++) {
					ps.setObject(i + 1, args[i]);
				}
				if (ps.execute()) {
					try (ResultSet rs = ps.getResultSet()) {
						int n = rs.getMetaData().getColumnCount();
						while (rs.next()) {
							List<Object> row = new ArrayList<>();
							for (int i = 1; i <= n; i++) {
								row.add(rs.getObject(i));
							}
							rows.add(row);
						}
					}
				}
			}
			c.commit();
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
