package org.grassroots.center;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database itself guarantees, checked as the application role: the exclusion constraints exist (btree_gist
 * installed by the owner's migration), rows are invisible without a tenant, and no write can name another tenant.
 */
class DatabaseGuardsTest extends CenterServiceTestBase {

	@Test
	void exclusionConstraintsAndTenantIsolationHoldForTheApplicationRole() throws Exception {
		Fixtures.createCenter(http, ADMIN, "COMMUNITY", "隔离测试中心", TENANT + "/05/001", 21.84, 111.94, Fixtures.OFFICE,
				null);
		DatabaseCredentials db = TestInfrastructure.database("center");
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
				Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			assertThat(single(s, "select count(*) from pg_extension where extname = 'btree_gist'")).isEqualTo(1);
			assertThat(single(s, "select count(*) from pg_constraint where contype = 'x' and conname in "
					+ "('booking_no_overlap', 'duty_shift_no_overlap')")).isEqualTo(2);
			assertThat(single(s, "select count(*) from center")).as("no tenant set: nothing").isZero();
			s.execute("select set_config('app.tenant_id', '" + OTHER_TENANT + "', true)");
			assertThat(single(s, "select count(*) from center where tenant_id = '" + TENANT + "'")).isZero();
			assertThatThrownBy(() -> s.executeUpdate("insert into tenant_setting (tenant_id) values ('" + TENANT + "')"))
				.hasMessageContaining("row-level security");
			c.rollback();
			s.execute("select set_config('app.tenant_id', '" + TENANT + "', true)");
			assertThat(single(s, "select count(*) from center")).isPositive();
			c.rollback();
		}
	}

	private static long single(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
