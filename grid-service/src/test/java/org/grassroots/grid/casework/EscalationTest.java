package org.grassroots.grid.casework;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation of overdue cases grid → community → street → district: one escalation per case and level even with
 * several replicas scanning at once (the database decides), and a cross-tenant scan that can only read.
 */
class EscalationTest extends GridServiceTestBase {

	static final String TENANT = "441705";

	@Autowired
	Escalations escalations;

	private void overdue(String id) {
		sql(TENANT, "update grid_case set next_escalation_at = now() - interval '1 minute', "
				+ "deadline_at = now() - interval '1 minute' where id = cast(? as uuid)", id);
	}

	@Test
	void overdueCasesClimbOneLevelAtATimeExactlyOnceWhateverTheReplicas() throws Exception {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String resident = TestTokens.person(TENANT, "resident-e", area.community(), "RESIDENT");
		String id = CaseWorkflowTest.report(http, resident, "env-sewage", area.inGrid1(), null).json("$.id");
		List<String> expected = List.of(area.community(), area.street(), TENANT);
		ExecutorService replicas = Executors.newFixedThreadPool(3);
		try {
			for (String level : expected) {
				overdue(id);
				List<Callable<Integer>> runs = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					runs.add(() -> escalations.escalateDue(OffsetDateTime.now(ZoneOffset.UTC)));
				}
				for (Future<Integer> run : replicas.invokeAll(runs)) {
					run.get();
				}
				assertThat(sql(TENANT, "select queue_region from grid_case where id = cast(? as uuid)", id).get(0).get(0))
					.isEqualTo(level);
			}
			// at the district there is nowhere further to go
			overdue(id);
			escalations.escalateDue(OffsetDateTime.now(ZoneOffset.UTC));
		}
		finally {
			replicas.shutdownNow();
		}
		List<List<Object>> rows = sql(TENANT, "select level, to_region from case_escalation where case_id = cast(? as uuid) "
				+ "order by level desc", id);
		assertThat(rows.stream().map(r -> r.get(0)).toList()).containsExactly(3, 2, 1);
		assertThat(sql(TENANT, "select count(*) from outbox_event where type = 'case.escalated' and subject = ?", id)
			.get(0).get(0)).isEqualTo(3L);
		String staff = area.communityStaff("community-e", "COMMUNITY_STAFF");
		List<String> types = http.get("/api/v1/cases/" + id + "/timeline").bearer(staff).send().json("$[*].type");
		assertThat(types.stream().filter("ESCALATED"::equals).count()).isEqualTo(3);
		assertThat((String) http.get("/api/v1/cases/" + id).bearer(staff).send().json("$.queueLevel"))
			.isEqualTo("DISTRICT");
		assertThat((Boolean) http.get("/api/v1/cases/" + id).bearer(staff).send().json("$.overdue")).isTrue();
	}

	@Test
	void resolvedCasesAreNotEscalated() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String staff = area.communityStaff("community-f", "COMMUNITY_STAFF");
		String id = CaseWorkflowTest.report(http, staff, "env-garbage", area.inGrid2(), null).json("$.id");
		CaseWorkflowTest.step(http, staff, id, "accept", "{}");
		CaseWorkflowTest.step(http, staff, id, "dispatch", "{\"mode\":\"HANDLE_NOW\",\"assignee\":\"w\"}");
		CaseWorkflowTest.step(http, staff, id, "resolve", "{\"note\":\"done\"}");
		overdue(id);
		escalations.escalateDue(OffsetDateTime.now(ZoneOffset.UTC));
		assertThat(sql(TENANT, "select count(*) from case_escalation where case_id = cast(? as uuid)", id).get(0).get(0))
			.isEqualTo(0L);
	}

	@Test
	void theCrossTenantScanCanReadButNeverWrite() throws Exception {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String staff = area.communityStaff("community-g", "COMMUNITY_STAFF");
		String id = CaseWorkflowTest.report(http, staff, "env-garbage", area.inGrid2(), null).json("$.id");
		DatabaseCredentials db = TestInfrastructure.database("grid");
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
				Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			s.execute("select set_config('app.cross_tenant', 'case-escalation', true)");
			var rs = s.executeQuery("select count(*) from grid_case where id = '" + id + "'");
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
			assertThat(s.executeUpdate("update grid_case set priority = 'LOW' where id = '" + id + "'"))
				.as("the scan's purpose admits reading only").isZero();
		}
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
				Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			s.execute("select set_config('app.cross_tenant', 'outbox-relay', true)");
			var rs = s.executeQuery("select count(*) from grid_case where id = '" + id + "'");
			rs.next();
			assertThat(rs.getInt(1)).as("other purposes see no cases").isZero();
		}
	}
}
