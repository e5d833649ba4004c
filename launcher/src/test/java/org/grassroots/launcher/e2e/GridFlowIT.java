package org.grassroots.launcher.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.grassroots.launcher.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.A;

/**
 * grid-service's main flow through the gateway, with the real member-service on the other side: grid staff draw a
 * grid and register a household; a party member's central household links it (member-service validates it with
 * grid-service); a case reported inside the grid on that household is located to the grid, gets the central
 * household as helper when dispatched, runs REPORTED → CLOSED with its timeline, and member-service credits the
 * central household with exactly one work log from the {@code case.closed} event. Everything is created here,
 * in a street and community of its own far away from the demo data.
 */
@Order(20)
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridFlowIT {

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	/** South-west corner of this test's community: a 0.02° square somewhere in Guangdong, far from the demo. */
	private final double lat0 = 22.60 + ThreadLocalRandom.current().nextInt(0, 400) * 0.05;

	private final double lng0 = 112.60 + ThreadLocalRandom.current().nextInt(0, 100) * 0.05;

	private String admin;

	private String community;

	private String communityStaff;

	private String worker;

	private String workerSubject;

	private String resident;

	private String gridId;

	private String gridRegion;

	private String householdId;

	private String centralHouseholdId;

	private String memberId;

	GridFlowIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@BeforeAll
	void area() {
		admin = platform.tokenFor(A, "TENANT_ADMIN");
		// the district admin founds the street and the community (with a boundary, so unlocated cases queue there)
		String streetId = created(gateway.post("/api/v1/grids", Map.of("code", "S" + run, "name", "测试街道" + run,
				"level", "STREET")).bearer(admin).send(), "street").path("id").asString();
		Gateway.Reply communityReply = gateway.post("/api/v1/grids", Map.of("code", "C" + run, "name", "测试社区" + run,
				"level", "COMMUNITY", "parentId", streetId, "geometry", square(0, 0, 0.02))).bearer(admin).send();
		community = created(communityReply, "community").path("region").asString();
		assertThat(community).isEqualTo(A + "/S" + run + "/C" + run);

		communityStaff = person("e2e-community-" + run, community, "COMMUNITY_STAFF");
		workerSubject = "e2e-worker-" + run;
		worker = person(workerSubject, community, "GRID_WORKER");
		resident = person("e2e-resident-" + run, community, "RESIDENT");

		// grid staff of the community draw the grid (GeoJSON) with its worker, and register a household in it
		Map<String, Object> grid = new LinkedHashMap<>();
		grid.put("code", "G" + run);
		grid.put("name", "第一网格" + run);
		grid.put("level", "GRID");
		grid.put("parentId", communityReply.json().path("id").asString());
		grid.put("geometry", square(0.002, 0.002, 0.008));
		grid.put("staff", List.of(Map.of("subject", workerSubject, "name", "陈志明", "role", "WORKER")));
		JsonNode createdGrid = created(gateway.post("/api/v1/grids", grid).bearer(communityStaff).send(), "grid");
		gridId = createdGrid.path("id").asString();
		gridRegion = createdGrid.path("region").asString();
		assertThat(gridRegion).isEqualTo(community + "/G" + run);

		Map<String, Object> household = new LinkedHashMap<>();
		household.put("code", "H" + run);
		household.put("gridId", gridId);
		household.put("address", "测试路" + run + "号");
		household.put("careTags", List.of("ELDERLY_ALONE"));
		householdId = created(gateway.post("/api/v1/households", household).bearer(communityStaff).send(), "household")
			.path("id").asString();

		// member-service: the community's branch, a party member, designated a central household linking it
		String branch = created(gateway.post("/api/v1/party-organizations", Map.of("name", "测试社区党支部" + run,
				"level", "BRANCH", "region", community)).bearer(admin).send(), "branch").path("id").asString();
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("organizationId", branch);
		member.put("name", "李建国");
		member.put("idNumber", idNumber());
		member.put("phone", "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
		member.put("category", "REGULAR");
		member.put("accountSubject", "e2e-member-" + run);
		memberId = created(gateway.post("/api/v1/party-members", member).bearer(admin).send(), "member").path("id")
			.asString();
		Gateway.Reply designated = gateway.post("/api/v1/central-households", Map.of("memberId", memberId,
				"organizationId", branch, "roles", List.of("SERVICE_DOER", "HARDSHIP_HELPER"), "householdIds",
				List.of(householdId))).bearer(communityStaff).send();
		centralHouseholdId = created(designated, "central household").path("id").asString();
	}

	@Test
	void theCentralHouseholdLinksTheHouseholdAfterGridServiceValidatedIt() {
		Gateway.Reply linked = gateway.get("/api/v1/central-households/" + centralHouseholdId + "/households")
			.bearer(communityStaff)
			.send();
		assertThat(linked.status()).as("%s", linked).isEqualTo(200);
		assertThat(linked.body()).contains(householdId);

		// the contract grid-service dispatches with: any caller of the district
		Gateway.Reply forHousehold = gateway.get("/api/v1/central-households/for-household/" + householdId)
			.bearer(resident)
			.send();
		assertThat(forHousehold.status()).as("%s", forHousehold).isEqualTo(200);
		assertThat(forHousehold.json().path("centralHouseholdId").asString()).isEqualTo(centralHouseholdId);
		assertThat(forHousehold.json().path("memberId").asString()).isEqualTo(memberId);
		assertThat(forHousehold.json().path("name").asString()).isEqualTo("李建国");

		// a household grid-service does not know is refused by member-service, nothing linked
		String unknown = UUID.randomUUID().toString();
		Gateway.Reply refused = gateway.post("/api/v1/central-households/" + centralHouseholdId + "/households",
				Map.of("householdIds", List.of(unknown))).bearer(communityStaff).send();
		assertThat(refused.status()).as("%s", refused).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).contains(unknown);
	}

	@Test
	void aCaseInsideTheGridRunsTheClosedLoopWithTheCentralHouseholdAsHelper() {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("category", "livelihood-assistance");
		report.put("description", "独居老人家中漏水，需要帮忙维修");
		report.put("lat", lat0 + 0.005);
		report.put("lng", lng0 + 0.005);
		report.put("householdId", householdId);
		JsonNode reported = created(gateway.post("/api/v1/cases", report).bearer(resident).send(), "case");
		String caseId = reported.path("id").asString();
		String path = "/api/v1/cases/" + caseId;
		assertThat(reported.path("status").asString()).isEqualTo("REPORTED");
		assertThat(reported.path("gridId").asString()).as("located to the grid").isEqualTo(gridId);
		assertThat(reported.path("region").asString()).isEqualTo(gridRegion);
		assertThat(reported.path("queueLevel").asString()).isEqualTo("GRID");
		assertThat(reported.path("number").asString()).startsWith("MQ");

		JsonNode accepted = step(path + "/accept", Map.of("note", "已研判"), communityStaff);
		assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");

		// a step from the wrong state is a 409 problem and changes nothing
		Gateway.Reply illegal = gateway.post(path + "/resolve", Map.of("note", "还没派单")).bearer(worker).send();
		assertThat(illegal.status()).as("%s", illegal).isEqualTo(409);
		assertThat(illegal.contentType()).startsWith("application/problem+json");
		assertThat(illegal.json().path("type").asString()).endsWith("case-transition-illegal");
		assertThat(case_(path, communityStaff).path("status").asString()).isEqualTo("ACCEPTED");

		JsonNode dispatched = step(path + "/dispatch", Map.of("mode", "HANDLE_NOW", "assignee", workerSubject,
				"note", "马上办"), communityStaff);
		assertThat(dispatched.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(dispatched.path("dispatch").path("assignee").asString()).isEqualTo(workerSubject);
		assertThat(dispatched.path("helperLookup").asString()).isEqualTo("FOUND");
		assertThat(dispatched.path("helpers")).hasSize(1);
		JsonNode helper = dispatched.path("helpers").get(0);
		assertThat(helper.path("centralHouseholdId").asString()).isEqualTo(centralHouseholdId);
		assertThat(helper.path("memberId").asString()).isEqualTo(memberId);
		assertThat(helper.path("name").asString()).isEqualTo("李建国");

		// the assigned grid worker sees it among their cases and resolves it
		Gateway.Reply mine = gateway.get("/api/v1/cases?mine=assigned").bearer(worker).send();
		assertThat(mine.status()).as("%s", mine).isEqualTo(200);
		assertThat(mine.ids()).contains(caseId);
		assertThat(step(path + "/resolve", Map.of("note", "已更换水管"), worker).path("status").asString())
			.isEqualTo("RESOLVED");
		assertThat(step(path + "/feedback", Map.of("method", "PHONE", "note", "电话告知"), communityStaff)
			.path("status").asString()).isEqualTo("FEEDBACK");
		JsonNode evaluated = step(path + "/evaluate", Map.of("rating", 5, "comment", "很满意"), resident);
		assertThat(evaluated.path("status").asString()).isEqualTo("EVALUATED");
		assertThat(evaluated.path("rating").asInt()).isEqualTo(5);
		JsonNode closed = step(path + "/close", Map.of("note", "销号"), communityStaff);
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("closedAt").asString()).isNotBlank();

		Gateway.Reply again = gateway.post(path + "/dispatch", Map.of("mode", "HANDLE_NOW", "assignee", workerSubject))
			.bearer(communityStaff)
			.send();
		assertThat(again.status()).as("%s", again).isEqualTo(409);

		Gateway.Reply timeline = gateway.get(path + "/timeline").bearer(communityStaff).send();
		assertThat(timeline.status()).as("%s", timeline).isEqualTo(200);
		List<String> types = new ArrayList<>();
		timeline.json().forEach(event -> types.add(event.path("type").asString()));
		assertThat(types).containsSubsequence("REPORTED", "ACCEPTED", "DISPATCHED", "RESOLVED", "FEEDBACK",
				"EVALUATED", "CLOSED");
		assertThat(types).contains("HELPER_ADDED");
		timeline.json().forEach(event -> {
			assertThat(event.path("at").asString()).isNotBlank();
			assertThat(event.path("actor").asString()).isNotBlank();
		});

		// member-service consumes case.closed and credits the helper exactly once
		JsonNode credit = awaitCaseHelp(caseId, Duration.ofSeconds(60));
		assertThat(credit.path("centralHouseholdId").asString()).isEqualTo(centralHouseholdId);
		assertThat(credit.path("caseCategory").asString()).isEqualTo("livelihood-assistance");
		assertThat(credit.path("rating").asInt()).isEqualTo(5);
		assertThat(credit.path("source").asString()).isEqualTo("GRID_CASE");
		assertThat(credit.path("householdIds").toString()).contains(householdId);
		pause(Duration.ofSeconds(3));
		assertThat(caseHelpEntries(caseId)).as("still exactly one entry").hasSize(1);
	}

	@Test
	void aCaseOutsideEveryGridQueuesAtTheCommunity() {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("category", "facility-streetlight");
		report.put("description", "社区东门路灯不亮");
		// inside the community's square, outside the grid's
		report.put("lat", lat0 + 0.016);
		report.put("lng", lng0 + 0.016);
		JsonNode reported = created(gateway.post("/api/v1/cases", report).bearer(resident).send(), "case");
		assertThat(reported.path("gridId").isMissingNode() || reported.path("gridId").isNull()).as("no grid").isTrue();
		assertThat(reported.path("region").asString()).isEqualTo(community);
		assertThat(reported.path("queueRegion").asString()).isEqualTo(community);
		assertThat(reported.path("queueLevel").asString()).isEqualTo("COMMUNITY");

		// community staff find it in their queue
		Gateway.Reply queue = gateway.get("/api/v1/cases?status=REPORTED&limit=100").bearer(communityStaff).send();
		assertThat(queue.status()).as("%s", queue).isEqualTo(200);
		assertThat(queue.ids()).contains(reported.path("id").asString());
	}

	@Test
	void integratorsReadTheHouseholdProviderViewOnlyWithTheHouseholdsScope() {
		Fixtures.Integrator withScope = integrator(List.of("households:read"));
		Gateway.Reply view = gateway.get("/api/v1/households/" + householdId).apiKey(withScope.apiKey()).send();
		assertThat(view.status()).as("%s", view).isEqualTo(200);
		assertThat(view.json().path("gridId").asString()).isEqualTo(gridId);
		assertThat(view.json().path("region").asString()).isEqualTo(gridRegion);
		assertThat(view.body()).doesNotContain("测试路");

		Fixtures.Integrator without = integrator(List.of("cases:read"));
		Gateway.Reply refused = gateway.get("/api/v1/households/" + householdId).apiKey(without.apiKey()).send();
		assertThat(refused.status()).as("%s", refused).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");

		Fixtures.Integrator compounds = integrator(List.of("compounds:read"));
		Gateway.Reply list = gateway.get("/api/v1/compounds?limit=5").apiKey(compounds.apiKey()).send();
		assertThat(list.status()).as("%s", list).isEqualTo(200);
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private JsonNode step(String path, Map<String, Object> body, String token) {
		Gateway.Reply reply = gateway.post(path, body).bearer(token).send();
		assertThat(reply.status()).as("POST %s: %s", path, reply).isEqualTo(200);
		return reply.json();
	}

	private JsonNode case_(String path, String token) {
		Gateway.Reply reply = gateway.get(path).bearer(token).send();
		assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
		return reply.json();
	}

	private JsonNode awaitCaseHelp(String caseId, Duration timeout) {
		Instant until = Instant.now().plus(timeout);
		List<JsonNode> entries = caseHelpEntries(caseId);
		while (entries.isEmpty() && Instant.now().isBefore(until)) {
			pause(Duration.ofMillis(500));
			entries = caseHelpEntries(caseId);
		}
		assertThat(entries).as("CASE_HELP work log for case %s within %s", caseId, timeout).hasSize(1);
		return entries.get(0);
	}

	private List<JsonNode> caseHelpEntries(String caseId) {
		Gateway.Reply logs = gateway
			.get("/api/v1/work-logs?centralHouseholdId=" + centralHouseholdId + "&kind=CASE_HELP&limit=100")
			.bearer(admin)
			.send();
		assertThat(logs.status()).as("%s", logs).isEqualTo(200);
		List<JsonNode> out = new ArrayList<>();
		logs.json().path("items").forEach(entry -> {
			if (caseId.equals(entry.path("caseId").asString())) {
				out.add(entry);
			}
		});
		return out;
	}

	private Fixtures.Integrator integrator(List<String> scopes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "e2e-grid-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("scopes", scopes);
		Gateway.Reply created = gateway.post("/api/v1/platform/clients", body).bearer(admin).send();
		assertThat(created.status()).as("create integrator: %s", created).isEqualTo(201);
		assertThat(created.json().path("scopes").toString()).isEqualTo(Gateway.JSON.writeValueAsString(scopes));
		return new Fixtures.Integrator(created.json().path("id").asString(),
				created.json().path("apiKey").asString());
	}

	private static JsonNode created(Gateway.Reply reply, String what) {
		assertThat(reply.status()).as("create %s: %s", what, reply).isEqualTo(201);
		return reply.json();
	}

	/** A GeoJSON square of {@code size} degrees whose south-west corner is offset from this test's corner. */
	private Map<String, Object> square(double dLat, double dLng, double size) {
		double south = lat0 + dLat;
		double west = lng0 + dLng;
		List<List<Double>> ring = List.of(List.of(west, south), List.of(west + size, south),
				List.of(west + size, south + size), List.of(west, south + size), List.of(west, south));
		return Map.of("type", "Polygon", "coordinates", List.of(ring));
	}

	/**
	 * A person token as the platform's issuer would sign it, for people the demo has no client for (this test's
	 * grid worker, resident and community staff of its own community).
	 */
	String person(String subject, String region, String... roles) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(platform.issuerUrl().toString())
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
			.claim("tenant", A)
			.claim("roles", List.of(roles))
			.claim("region", region)
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
				.keyID(platform.issuerSigningKey().getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims);
			jwt.sign(new RSASSASigner(platform.issuerSigningKey()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid resident ID number (GB 11643 check character) born in the 1950s, unique enough per run. */
	static String idNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(3650));
		String body = "441702" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
