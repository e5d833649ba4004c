package org.grassroots.defaults.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import javax.sql.DataSource;

import org.grassroots.defaults.testapp.DefaultsTestBase;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up guard finds every way tenant isolation could silently fail. */
class RowLevelSecurityGuardTest extends DefaultsTestBase {

	@Autowired
	DataSource appDataSource;

	@Test
	void passesOnAProperlySetUpDatabase() {
		assertThat(new RowLevelSecurityGuard(appDataSource).findProblems()).isEmpty();
	}

	@Test
	void refusesATenantTableWithoutForcedRowLevelSecurity() throws Exception {
		DatabaseCredentials db = TestInfrastructure.database("defaults_test");
		try (Connection owner = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
				Statement s = owner.createStatement()) {
			s.execute("create table leaky (id int, tenant_id text)");
			s.execute("alter table leaky enable row level security");
			try {
				assertThat(new RowLevelSecurityGuard(appDataSource).findProblems()).singleElement()
					.asString()
					.contains("leaky");
				assertThatThrownBy(() -> new RowLevelSecurityGuard(appDataSource).afterPropertiesSet())
					.hasMessageContaining("refusing to start");
			}
			finally {
				s.execute("drop table leaky");
			}
		}
	}

	@Test
	void refusesAnApplicationRoleThatOwnsTablesOrBypassesRowLevelSecurity() throws Exception {
		DatabaseCredentials db = TestInfrastructure.database("defaults_test");
		var ownerSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(db.jdbcUrl(), db.ownerUser(),
				db.ownerPassword());
		// connecting as the owner is exactly the mistake: it owns every table
		assertThat(new RowLevelSecurityGuard(ownerSource).findProblems()).anyMatch(p -> p.contains("owns tables"));
	}
}
