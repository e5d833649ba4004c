package org.grassroots.grid.statistics;

import java.util.List;

import org.grassroots.grid.CaseCalls;
import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Statistics per grid, community and street, computed in SQL. */
class StatisticsApiTest extends GridServiceTestBase {

	static final String TENANT = "441709";

	@Test
	void receivedClosedOnTimeHandlingSatisfactionAndEscalationsPerUnit() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String staff = area.communityStaff("community-s", "COMMUNITY_STAFF");
		String closedId = CaseCalls.report(http, staff, "env-garbage", area.inGrid1(), null).json("$.id");
		CaseCalls.step(http, staff, closedId, "accept", "{}");
		CaseCalls.step(http, staff, closedId, "dispatch", "{\"mode\":\"HANDLE_NOW\",\"assignee\":\"w\"}");
		CaseCalls.step(http, staff, closedId, "resolve", "{\"note\":\"ok\"}");
		CaseCalls.step(http, staff, closedId, "feedback", "{\"method\":\"PHONE\"}");
		CaseCalls.step(http, staff, closedId, "evaluate", "{\"rating\":4}");
		CaseCalls.step(http, staff, closedId, "close", "{}");
		// resolved two hours after the report, late: the deadline had been an hour
		sql(TENANT, "update grid_case set reported_at = resolved_at - interval '2 hours', "
				+ "deadline_at = resolved_at - interval '1 hour' where id = cast(? as uuid)", closedId);
		CaseCalls.report(http, staff, "env-garbage", area.inGrid1(), null);
		CaseCalls.report(http, staff, "env-garbage", area.inGrid2(), null);
		CaseCalls.report(http, staff, "env-noise", area.inCommunityOnly(), null);

		Response grids = http.get("/api/v1/case-statistics?level=grid&region=" + area.community()).bearer(staff).send();
		assertThat(grids.status()).as(grids.body()).isEqualTo(200);
		assertThat((List<String>) grids.json("$.units[*].unit")).containsExactlyInAnyOrder(area.grid1(), area.grid2(),
				null);
		assertThat((String) grids.json("$.units[-1].unit")).as("cases outside every grid come last").isNull();
		String g1 = "$.units[?(@.unit=='" + area.grid1() + "')].";
		assertThat((List<String>) grids.json(g1 + "name")).containsExactly("第一网格");
		assertThat((List<Integer>) grids.json(g1 + "received")).containsExactly(2);
		assertThat((List<Integer>) grids.json(g1 + "closed")).containsExactly(1);
		assertThat((List<Double>) grids.json(g1 + "onTimeRate")).containsExactly(0.0);
		assertThat((List<Double>) grids.json(g1 + "meanHandlingHours")).containsExactly(2.0);
		assertThat((List<Double>) grids.json(g1 + "satisfaction")).containsExactly(4.0);
		assertThat((List<Integer>) grids.json("$.units[?(@.unit=='" + area.grid2() + "')].received")).containsExactly(1);
		assertThat((Integer) grids.json("$.total.received")).isEqualTo(4);

		Response communities = http.get("/api/v1/case-statistics?level=community&region=" + area.street())
			.bearer(area.admin()).send();
		assertThat((List<String>) communities.json("$.units[*].unit")).containsExactly(area.community());
		assertThat((Integer) communities.json("$.units[0].received")).isEqualTo(4);

		assertThat(http.get("/api/v1/case-statistics?level=planet").bearer(staff).send().status()).isEqualTo(400);
		assertThat(http.get("/api/v1/case-statistics?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").bearer(staff)
			.send().status()).isEqualTo(400);
		assertThat(http.get("/api/v1/case-statistics").bearer(Fixtures.create(http, TENANT).communityStaff("r", "RESIDENT"))
			.send().status()).isEqualTo(403);
	}
}
