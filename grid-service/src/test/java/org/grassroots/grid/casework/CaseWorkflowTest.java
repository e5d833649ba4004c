package org.grassroots.grid.casework;

import java.util.List;

import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.grid.geo.Geodesy;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop through the API: intake and routing to grids (or the community/street/district queue), the
 * steps with their timeline and outbox events, illegal steps, the one reopening, duplicate suspicion, visibility.
 */
class CaseWorkflowTest extends GridServiceTestBase {

	static final String TENANT = "441704";

	static Response report(org.grassroots.testsupport.TestHttp http, String token, String category, double[] at,
			String extra) {
		return org.grassroots.grid.CaseCalls.report(http, token, category, at, extra);
	}

	static Response step(org.grassroots.testsupport.TestHttp http, String token, String id, String action, String body) {
		return org.grassroots.grid.CaseCalls.step(http, token, id, action, body);
	}

	@Test
	void aCaseGoesAroundTheWholeLoopWithItsTimelineAndEvents() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String resident = TestTokens.person(TENANT, "resident-1", area.community(), "RESIDENT");
		String worker = area.communityStaff("worker-1", "GRID_WORKER");
		String staff = area.communityStaff("community-1", "COMMUNITY_STAFF");

		Response reported = report(http, resident, "facility-manhole", area.inGrid1(),
				"\"attributes\":{\"manhole_state\":\"missing\"},\"attachments\":[{\"url\":\"https://img.example.cn/1.jpg\"}]");
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		String id = reported.json("$.id");
		assertThat((String) reported.json("$.status")).isEqualTo("REPORTED");
		assertThat((String) reported.json("$.channel")).isEqualTo("APP");
		assertThat((String) reported.json("$.gridId")).isEqualTo(area.grid1Id());
		assertThat((String) reported.json("$.queueLevel")).isEqualTo("GRID");
		assertThat((String) reported.json("$.priority")).isEqualTo("HIGH");
		assertThat((String) reported.json("$.number")).startsWith("MQ");
		assertThat((String) reported.json("$.attributes.manhole_state")).isEqualTo("missing");

		assertThat(step(http, staff, id, "resolve", "{\"note\":\"x\"}").status()).as("resolve before dispatch")
			.isEqualTo(409);
		assertThat(step(http, resident, id, "accept", "{}").status()).isEqualTo(403);
		Response accepted = step(http, staff, id, "accept", "{\"priority\":\"URGENT\",\"note\":\"立即处理\"}");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat((String) accepted.json("$.priority")).isEqualTo("URGENT");
		Response dispatched = step(http, staff, id, "dispatch", "{\"mode\":\"HANDLE_NOW\",\"assignee\":\"worker-1\"}");
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		assertThat((String) dispatched.json("$.helperLookup")).isEqualTo("NOT_NEEDED");
		Response mine = http.get("/api/v1/cases?mine=assigned").bearer(worker).send();
		assertThat((List<String>) mine.json("$.items[*].id")).contains(id);
		Response resolved = step(http, worker, id, "resolve",
				"{\"note\":\"已补装井盖\",\"attachments\":[{\"url\":\"https://img.example.cn/2.jpg\"}]}");
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(step(http, staff, id, "feedback", "{\"method\":\"PHONE\",\"note\":\"已电话告知\"}").status())
			.isEqualTo(200);
		assertThat(step(http, staff, id, "close", "{}").status()).as("close before evaluation").isEqualTo(409);
		Response evaluated = step(http, resident, id, "evaluate", "{\"rating\":5,\"comment\":\"很快\"}");
		assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
		Response closed = step(http, staff, id, "close", "{\"note\":\"销号\"}");
		assertThat(closed.status()).isEqualTo(200);
		assertThat((String) closed.json("$.status")).isEqualTo("CLOSED");
		assertThat((List<String>) closed.json("$.attachments[*].stage")).containsExactly("REPORTED", "RESOLVED");
		Response again = step(http, staff, id, "close", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) again.json("$.code")).isEqualTo("case-transition-illegal");

		Response timeline = http.get("/api/v1/cases/" + id + "/timeline").bearer(staff).send();
		assertThat((List<String>) timeline.json("$[*].type")).containsExactly("REPORTED", "ACCEPTED", "DISPATCHED",
				"RESOLVED", "FEEDBACK", "EVALUATED", "CLOSED");
		assertThat((List<String>) timeline.json("$[*].actor")).containsExactly("resident-1", "community-1",
				"community-1", "worker-1", "community-1", "resident-1", "community-1");

		List<List<Object>> events = sql(TENANT, "select type, data::text from outbox_event where subject = ? order by seq",
				id);
		assertThat(events.stream().map(r -> r.get(0)).toList()).containsExactly("case.reported", "case.dispatched",
				"case.closed");
		assertThat((String) events.get(2).get(1)).contains("\"caseId\": \"" + id + "\"").contains("\"rating\": 5")
			.contains("\"category\": \"facility-manhole\"").contains("\"helperCentralHouseholdId\": null");
		// the report's event and timeline entry carry the number the database made in the same statement
		String number = reported.json("$.number");
		assertThat((String) events.get(0).get(1)).contains("\"number\": \"" + number + "\"")
			.contains("\"caseId\": \"" + id + "\"").contains("\"channel\": \"APP\"").contains("\"priority\": \"HIGH\"")
			.contains("\"gridId\": \"" + area.grid1Id() + "\"").contains("\"householdId\": null")
			.contains("\"reportedAt\": \"").contains("\"deadlineAt\": \"");
		assertThat((String) sql(TENANT, "select data::text from case_event where case_id = cast(? as uuid) and type = 'REPORTED'", id)
			.get(0).get(0)).contains("\"number\": \"" + number + "\"").contains("\"channel\": \"APP\"");
	}

	@Test
	void aPoorRatingReopensOnceOnly() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String resident = TestTokens.person(TENANT, "resident-2", area.community(), "RESIDENT");
		String staff = area.communityStaff("community-2", "COMMUNITY_STAFF");
		String id = report(http, resident, "env-garbage", area.inGrid2(), null).json("$.id");
		step(http, staff, id, "accept", "{}");
		for (int round = 0; round < 2; round++) {
			assertThat(step(http, staff, id, "dispatch", "{\"mode\":\"ROUTE_TO_DEPARTMENT\",\"department\":\"城管局\"}")
				.status()).isEqualTo(200);
			step(http, staff, id, "resolve", "{\"note\":\"已清运\"}");
			step(http, staff, id, "feedback", "{\"method\":\"APP\"}");
			Response evaluated = step(http, resident, id, "evaluate", "{\"rating\":1,\"comment\":\"没清干净\"}");
			assertThat(evaluated.status()).isEqualTo(200);
			assertThat((String) evaluated.json("$.status")).isEqualTo(round == 0 ? "ACCEPTED" : "EVALUATED");
			assertThat((Integer) evaluated.json("$.reopenCount")).isEqualTo(1);
		}
		assertThat(step(http, staff, id, "close", "{}").status()).isEqualTo(200);
		List<String> types = http.get("/api/v1/cases/" + id + "/timeline").bearer(staff).send().json("$[*].type");
		assertThat(types).containsSubsequence("EVALUATED", "REOPENED", "DISPATCHED", "EVALUATED", "CLOSED");
	}

	@Test
	void casesOutsideEveryGridAreQueuedAboveNeverLost() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String resident = TestTokens.person(TENANT, "resident-3", area.community(), "RESIDENT");
		Response inCommunity = report(http, resident, "env-noise", area.inCommunityOnly(), null);
		assertThat((String) inCommunity.json("$.queueLevel")).isEqualTo("COMMUNITY");
		assertThat((String) inCommunity.json("$.queueRegion")).isEqualTo(area.community());
		assertThat(inCommunity.body()).doesNotContain("\"gridId\"");
		Response inStreet = report(http, resident, "env-noise", area.inStreetOnly(), null);
		assertThat((String) inStreet.json("$.queueRegion")).isEqualTo(area.street());
		Response nowhere = report(http, resident, "env-noise", area.nowhere(), null);
		assertThat((String) nowhere.json("$.queueLevel")).isEqualTo("DISTRICT");
		Response noLocation = report(http, resident, "suggestion", null, null);
		assertThat(noLocation.status()).isEqualTo(201);
		assertThat((String) noLocation.json("$.queueRegion")).isEqualTo(TENANT);
		String streetStaff = TestTokens.person(TENANT, "street-1", area.street(), "STREET_STAFF");
		Response queue = http.get("/api/v1/cases?queue=" + area.street() + "&limit=100").bearer(streetStaff).send();
		assertThat((List<String>) queue.json("$.items[*].id")).contains((String) inStreet.json("$.id"),
				(String) inCommunity.json("$.id"));
	}

	@Test
	void nearbyReportsOfTheSameCategoryAreLinkedNotMerged() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String resident = TestTokens.person(TENANT, "resident-4", area.community(), "RESIDENT");
		double[] p = area.inGrid1();
		String first = report(http, resident, "facility-streetlight", p, null).json("$.id");
		double[] near = { p[0] + 0.0002, p[1] + 0.0002 };
		double[] far = { p[0] + 0.002, p[1] };
		Response second = report(http, resident, "facility-streetlight", near, null);
		assertThat((List<String>) second.json("$.suspectedDuplicates[*].id")).containsExactly(first);
		assertThat((Double) second.json("$.suspectedDuplicates[0].distanceMeters")).isBetween(20.0, 40.0);
		Response otherCategory = report(http, resident, "env-garbage", near, null);
		assertThat((List<String>) otherCategory.json("$.suspectedDuplicates")).isEmpty();
		Response distant = report(http, resident, "facility-streetlight", far, null);
		assertThat((List<String>) distant.json("$.suspectedDuplicates")).isEmpty();
		String staff = area.communityStaff("community-4", "COMMUNITY_STAFF");
		Response original = http.get("/api/v1/cases/" + first).bearer(staff).send();
		assertThat((List<String>) original.json("$.suspectedDuplicates[*].id")).containsExactly((String) second.json("$.id"));
		assertThat((String) original.json("$.status")).as("both stay open").isEqualTo("REPORTED");
		List<String> secondTimeline = http.get("/api/v1/cases/" + second.json("$.id") + "/timeline").bearer(staff).send()
			.json("$[*].type");
		assertThat(secondTimeline).containsExactly("REPORTED", "DUPLICATE_SUSPECTED");
		List<String> named = http.get("/api/v1/cases/" + second.json("$.id") + "/timeline").bearer(staff).send()
			.json("$[1].data.cases");
		assertThat(named).containsExactly((String) original.json("$.number"));

		// accepted under another category, a case is checked again against that category's reports
		Response accepted = step(http, staff, otherCategory.json("$.id"), "accept", "{\"category\":\"facility-streetlight\"}");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat((List<String>) accepted.json("$.suspectedDuplicates[*].id")).containsExactlyInAnyOrder(first,
				(String) second.json("$.id"));
	}

	@Test
	void theRadiusIsADistanceNotABox() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String resident = TestTokens.person(TENANT, "resident-9", area.community(), "RESIDENT");
		double[] p = area.inGrid2();
		String first = report(http, resident, "safety-fire-passage", p, null).json("$.id");
		// diagonal offsets: each axis well inside the 50 m box, the distance just inside or just outside the radius
		double[] inside = { p[0] + 0.00030, p[1] + 0.00030 };
		double[] outside = { p[0] - 0.00033, p[1] - 0.00040 };
		assertThat(Geodesy.distanceMeters(p[0], p[1], inside[0], inside[1])).isBetween(40.0, 50.0);
		assertThat(Geodesy.distanceMeters(p[0], p[1], outside[0], outside[1])).isBetween(50.0, 60.0);
		assertThat(Math.abs(outside[0] - p[0])).isLessThan(Geodesy.latDegrees(50));
		assertThat(Math.abs(outside[1] - p[1])).isLessThan(Geodesy.lngDegrees(50, p[0]));
		Response near = report(http, resident, "safety-fire-passage", inside, null);
		assertThat((List<String>) near.json("$.suspectedDuplicates[*].id")).containsExactly(first);
		assertThat((Double) near.json("$.suspectedDuplicates[0].distanceMeters")).isEqualTo(
				Math.round(Geodesy.distanceMeters(p[0], p[1], inside[0], inside[1]) * 10) / 10.0);
		Response beyond = report(http, resident, "safety-fire-passage", outside, null);
		assertThat((List<String>) beyond.json("$.suspectedDuplicates[*].id")).isEmpty();
	}

	@Test
	void visibilityBadInputAndIntegrators() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String resident = TestTokens.person(TENANT, "resident-5", area.community(), "RESIDENT");
		String neighbour = TestTokens.person(TENANT, "resident-6", area.community(), "RESIDENT");
		String id = report(http, resident, "env-garbage", area.inGrid1(), "\"reporterPhone\":\"13800001111\"").json("$.id");
		assertThat(http.get("/api/v1/cases/" + id).bearer(resident).send().status()).isEqualTo(200);
		assertThat(http.get("/api/v1/cases/" + id).bearer(neighbour).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/cases/" + id).bearer(TestTokens.person("340202", "x", "340202", "TENANT_ADMIN"))
			.send().status()).isEqualTo(404);
		Response mineOnly = http.get("/api/v1/cases").bearer(neighbour).send();
		assertThat((List<String>) mineOnly.json("$.items[*].id")).doesNotContain(id);
		String staff = area.communityStaff("community-5", "COMMUNITY_STAFF");
		Response seen = http.get("/api/v1/cases/" + id).bearer(staff).send();
		assertThat((String) seen.json("$.reporter.phone")).isEqualTo("138****1111");
		Response contact = http.get("/api/v1/cases/" + id + "/reporter-contact?purpose=回访").bearer(staff).send();
		assertThat((String) contact.json("$.phone")).isEqualTo("13800001111");

		assertThat(report(http, resident, "no-such-category", area.inGrid1(), null).status()).isEqualTo(400);
		assertThat(report(http, resident, "facility-manhole", area.inGrid1(), "\"attributes\":{\"manhole_state\":\"gone\"}")
			.status()).isEqualTo(400);
		assertThat(report(http, resident, "env-garbage", area.inGrid1(), "\"priority\":\"URGENT\"").status())
			.as("residents may not set priority").isEqualTo(400);
		assertThat(report(http, resident, "env-garbage", area.inGrid1(), "\"channel\":\"HOTLINE\"").status())
			.isEqualTo(400);
		assertThat(report(http, resident, "env-garbage", new double[] { 48.85, 2.35 }, null).status()).isEqualTo(400);
		Response wrongState = step(http, staff, id, "dispatch", "{\"mode\":\"COORDINATION\",\"parties\":[\"物业\"]}");
		assertThat(wrongState.status()).isEqualTo(400);

		String integrator = TestTokens.integrator(TENANT, "hotline-12345", "cases:write", "cases:read");
		Response pushed = report(http, integrator, "env-garbage", area.inGrid1(), "\"externalId\":\"12345-0001\"");
		assertThat(pushed.status()).isEqualTo(201);
		assertThat((String) pushed.json("$.channel")).isEqualTo("INTEGRATOR");
		Response repeated = report(http, integrator, "env-garbage", area.inGrid1(), "\"externalId\":\"12345-0001\"");
		assertThat(repeated.status()).as("same external id, same case").isEqualTo(200);
		assertThat((String) repeated.json("$.id")).isEqualTo(pushed.json("$.id"));
		String readOnly = TestTokens.integrator(TENANT, "bigdata", "cases:read");
		assertThat(report(http, readOnly, "env-garbage", area.inGrid1(), null).status()).isEqualTo(403);

		Response categories = http.get("/api/v1/cases/categories").bearer(resident).send();
		assertThat((List<String>) categories.json("$[*].groupCode")).contains("environment", "public-facilities",
				"disputes", "safety", "livelihood", "suggestion");
		String admin = area.admin();
		Response sla = http.put("/api/v1/cases/sla").bearer(admin)
			.json("[{\"category\":\"*\",\"priority\":\"NORMAL\",\"hours\":48},{\"category\":\"env-garbage\","
					+ "\"priority\":\"NORMAL\",\"hours\":12}]")
			.send();
		assertThat(sla.status()).as(sla.body()).isEqualTo(200);
		Response timed = report(http, resident, "env-garbage", area.inGrid1(), null);
		java.time.Duration window = java.time.Duration.between(
				java.time.OffsetDateTime.parse(timed.json("$.reportedAt")),
				java.time.OffsetDateTime.parse(timed.json("$.deadlineAt")));
		assertThat(window).isEqualTo(java.time.Duration.ofHours(12));
	}
}
