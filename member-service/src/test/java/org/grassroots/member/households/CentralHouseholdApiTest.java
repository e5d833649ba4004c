package org.grassroots.member.households;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.http.Fault;
import org.grassroots.member.MemberServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Central households: designation, the five roles, linked households validated with grid-service (WireMock) and
 * unique per household in the database, the plaque, and the lookup grid-service dispatches with.
 */
class CentralHouseholdApiTest extends MemberServiceTestBase {

	@Test
	void designatesWithValidatedHouseholdsAndServesThePlaqueAndTheDispatchLookup() {
		Tree tree = tree();
		String member = member(tree.branch(), "李秀英");
		List<UUID> households = households(COMMUNITY + "/xq01/b3", 3);
		Response created = http.post("/api/v1/central-households").bearer(COMMUNITY_STAFF)
			.json(designation(member, tree.community(), households, "POLICY_PROMOTER", "DISPUTE_MEDIATOR",
					"POLICY_PROMOTER"))
			.send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json("$.id");
		assertThat((Integer) created.json("$.householdCount")).isEqualTo(3);
		assertThat((List<String>) created.json("$.roles")).containsExactly("POLICY_PROMOTER", "DISPUTE_MEDIATOR");
		assertThat((String) created.json("$.region")).isEqualTo(COMMUNITY);
		// validated with grid-service, as the caller
		GRID.verify(postRequestedFor(urlEqualTo("/api/v1/households/lookup"))
			.withHeader("Authorization", equalTo("Bearer " + COMMUNITY_STAFF))
			.withRequestBody(matchingJsonPath("$.ids[2]", equalTo(households.get(2).toString()))));

		Response forHousehold = http.get("/api/v1/central-households/for-household/" + households.get(1))
			.bearer(GRID_WORKER).send();
		assertThat(forHousehold.status()).isEqualTo(200);
		assertThat(forHousehold.body()).isEqualTo("{\"centralHouseholdId\":\"" + id + "\",\"memberId\":\"" + member
				+ "\",\"name\":\"李秀英\",\"roles\":[\"POLICY_PROMOTER\",\"DISPUTE_MEDIATOR\"]}");
		assertThat(http.get("/api/v1/central-households/for-household/" + UUID.randomUUID()).bearer(GRID_WORKER).send()
			.status()).isEqualTo(404);
		assertThat(http.get("/api/v1/central-households/for-household/" + households.get(1)).bearer(ADMIN_B).send()
			.status()).isEqualTo(404);
		assertThat(http.get("/api/v1/central-households/for-household/not-a-uuid").bearer(GRID_WORKER).send().status())
			.isEqualTo(400);
		// grid-service relays whoever dispatched: an integrator with case scopes only gets the answer too
		assertThat(http.get("/api/v1/central-households/for-household/" + households.get(1))
			.bearer(TestTokens.integrator(A, "hotline-12345", "cases:write")).send().status()).isEqualTo(200);
		assertThat(http.get("/api/v1/central-households/for-household/" + households.get(1))
			.bearer(TestTokens.builder(A, "anonymous").kind("anonymous").roles("PUBLIC").mint()).send().status())
			.isEqualTo(403);

		Response plaque = http.get("/api/v1/central-households/" + id + "/plaque")
			.bearer(TestTokens.person(A, "resident-1", COMMUNITY, "RESIDENT")).send();
		assertThat(plaque.status()).isEqualTo(200);
		assertThat((String) plaque.json("$.memberName")).isEqualTo("李秀英");
		assertThat((List<String>) plaque.json("$.roles[*].label")).containsExactly("政策宣讲员", "矛盾调解员");
		assertThat((Integer) plaque.json("$.householdCount")).isEqualTo(3);
		assertThat((String) plaque.json("$.contact.phone")).isEqualTo("0662-3312345");
		assertThat(plaque.body()).doesNotContain("13812345678").doesNotContain("138****5678");

		assertThat(http.get("/api/v1/central-households/" + id).bearer(OTHER_COMMUNITY_STAFF).send().status())
			.isEqualTo(404);
		assertThat(http.get("/api/v1/central-households/" + id).bearer(ADMIN_B).send().status()).isEqualTo(404);
		assertThat((List<String>) http.get("/api/v1/central-households?role=DISPUTE_MEDIATOR").bearer(COMMUNITY_STAFF)
			.send().json("$.items[*].id")).contains(id);

		Response twice = http.post("/api/v1/central-households").bearer(ADMIN)
			.json(designation(member, tree.community(), List.of(), "SERVICE_DOER")).send();
		assertThat(twice.status()).isEqualTo(409);
		assertThat((String) twice.json("$.code")).isEqualTo("member-already-central-household");

		Response changed = http.patch("/api/v1/central-households/" + id).bearer(COMMUNITY_STAFF).header("If-Match", "\"1\"")
			.json("{\"roles\":[\"HARDSHIP_HELPER\"],\"plaqueNo\":\"JC-0001\"}").send();
		assertThat(changed.status()).isEqualTo(200);
		assertThat((List<String>) http.get("/api/v1/central-households/for-household/" + households.get(0))
			.bearer(GRID_WORKER).send().json("$.roles")).containsExactly("HARDSHIP_HELPER");

		Response revoked = http.post("/api/v1/central-households/" + id + "/revocation").bearer(COMMUNITY_STAFF)
			.json("{\"reason\":\"搬离本社区\"}").send();
		assertThat((String) revoked.json("$.status")).isEqualTo("REVOKED");
		assertThat((Integer) revoked.json("$.householdCount")).isZero();
		assertThat(http.get("/api/v1/central-households/for-household/" + households.get(0)).bearer(GRID_WORKER).send()
			.status()).isEqualTo(404);
		assertThat(count(A, "select count(*) from linked_household_history where central_household_id = ?::uuid", id))
			.isEqualTo(3);
	}

	@Test
	void aHouseholdLinksToAtMostOneCentralHouseholdAndLinkingIsAllOrNothing() throws Exception {
		Tree tree = tree();
		List<UUID> households = households(COMMUNITY, 4);
		String first = designate(ADMIN, member(tree.branch(), "张一"), tree.community(), households.subList(0, 2),
				"SERVICE_DOER");
		String second = designate(ADMIN, member(tree.branch(), "张二"), tree.community(), List.of(), "OPINION_COLLECTOR");

		Response taken = http.post("/api/v1/central-households/" + second + "/households").bearer(COMMUNITY_STAFF)
			.json("{\"householdIds\":" + uuids(List.of(households.get(2), households.get(0))) + "}").send();
		assertThat(taken.status()).isEqualTo(409);
		assertThat((String) taken.json("$.code")).isEqualTo("household-already-linked");
		assertThat((String) taken.json("$.detail")).contains(households.get(0).toString());
		assertThat(count(A, "select count(*) from linked_household where central_household_id = ?::uuid", second)).isZero();

		Response again = http.post("/api/v1/central-households/" + first + "/households").bearer(COMMUNITY_STAFF)
			.json("{\"householdIds\":" + uuids(List.of(households.get(0), households.get(2))) + "}").send();
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat((List<String>) again.json("$.items[*].householdId")).hasSize(3);

		// two central households race for the same new household: the database lets exactly one have it
		UUID contested = households.get(3);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (String ch : List.of(first, second)) {
				calls.add(() -> http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN)
					.json("{\"householdIds\":[\"" + contested + "\"]}").timeout(Duration.ofSeconds(20)).send());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> f : pool.invokeAll(calls)) {
				statuses.add(f.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count(A, "select count(*) from linked_household where household_id = ?::uuid", contested)).isEqualTo(1);

		// the constraint holds whatever the application does
		var db = org.grassroots.testsupport.TestInfrastructure.database("member");
		try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
				var s = c.createStatement()) {
			s.execute("select set_config('app.tenant_id', '" + A + "', false)");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
					"insert into linked_household (tenant_id, household_id, central_household_id, region, linked_by) values ('"
							+ A + "', '" + households.get(0) + "', '" + second + "', '" + COMMUNITY + "', 'sql')"))
				.hasMessageContaining("linked_household_one_central_household");
		}

		Response unlinked = http.delete("/api/v1/central-households/" + first + "/households/" + households.get(0))
			.bearer(COMMUNITY_STAFF).send();
		assertThat(unlinked.status()).isEqualTo(204);
		assertThat(http.post("/api/v1/central-households/" + second + "/households").bearer(COMMUNITY_STAFF)
			.json("{\"householdIds\":[\"" + households.get(0) + "\"]}").send().status()).isEqualTo(200);
	}

	@Test
	void unknownForeignOrFarHouseholdsAreRefusedAndNothingIsWritten() {
		Tree tree = tree();
		String ch = designate(ADMIN, member(tree.branch(), "吴三"), tree.community(), List.of(), "SERVICE_DOER");
		List<UUID> known = households(COMMUNITY, 1);
		UUID unknown = UUID.randomUUID();
		Response missing = http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN)
			.json("{\"householdIds\":" + uuids(List.of(known.get(0), unknown)) + "}").send();
		assertThat(missing.status()).isEqualTo(404);
		assertThat((String) missing.json("$.code")).isEqualTo("household-not-found");
		assertThat((String) missing.json("$.detail")).contains(unknown.toString()).doesNotContain(known.get(0).toString());

		List<UUID> far = households(OTHER_COMMUNITY, 1);
		Response outside = http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN)
			.json("{\"householdIds\":" + uuids(List.of(known.get(0), far.get(0))) + "}").send();
		assertThat(outside.status()).isEqualTo(422);
		assertThat((String) outside.json("$.code")).isEqualTo("household-outside-community");
		assertThat(count(A, "select count(*) from linked_household where central_household_id = ?::uuid", ch)).isZero();

		Response designateWithForeign = http.post("/api/v1/central-households").bearer(ADMIN)
			.json(designation(member(tree.branch(), "吴四"), tree.community(), List.of(unknown), "SERVICE_DOER")).send();
		assertThat(designateWithForeign.status()).isEqualTo(404);
		assertThat(count(A, "select count(*) from central_household ch join party_member m on m.id = ch.member_id "
				+ "where m.name = '吴四'")).isZero();

		Response empty = http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN)
			.json("{\"householdIds\":[]}").send();
		assertThat(empty.status()).isEqualTo(400);
		Response wrongType = http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN)
			.json("{\"householdIds\":[42]}").send();
		assertThat(wrongType.status()).isEqualTo(400);
		Response badRole = http.post("/api/v1/central-households").bearer(ADMIN)
			.json(designation(member(tree.branch(), "吴五"), tree.community(), List.of(), "CHEERLEADER")).send();
		assertThat(badRole.status()).isEqualTo(400);
		Response foreignMember = http.post("/api/v1/central-households").bearer(ADMIN_B)
			.json(designation(member(tree.branch(), "吴六"), tree.community(), List.of(), "SERVICE_DOER")).send();
		assertThat(foreignMember.status()).isEqualTo(404);
		Response notCommunityLevel = http.post("/api/v1/central-households").bearer(ADMIN)
			.json(designation(member(tree.branch(), "吴七"), tree.street(), List.of(), "SERVICE_DOER")).send();
		assertThat(notCommunityLevel.status()).isEqualTo(400);
		assertThat((String) notCommunityLevel.json("$.errors[0].field")).isEqualTo("organizationId");
	}

	@Test
	void whenGridServiceIsDownLinkingIsA503AndNothingIsLinked() {
		Tree tree = tree();
		String ch = designate(ADMIN, member(tree.branch(), "郭八"), tree.community(), List.of(), "HARDSHIP_HELPER");
		List<UUID> households = households(COMMUNITY, 2);
		String body = "{\"householdIds\":" + uuids(households) + "}";

		GRID.stubFor(post(urlEqualTo("/api/v1/households/lookup")).willReturn(aResponse().withStatus(500)));
		Response failing = http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN).json(body).send();
		assertThat(failing.status()).isEqualTo(503);
		assertThat(failing.isProblem()).isTrue();
		assertThat((String) failing.json("$.code")).isEqualTo("downstream-unavailable");
		assertThat((String) failing.json("$.detail")).contains("grid-service");
		assertThat(failing.header("Retry-After")).isNotNull();

		GRID.stubFor(post(urlEqualTo("/api/v1/households/lookup"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN).json(body).send().status())
			.isEqualTo(503);

		GRID.stubFor(post(urlEqualTo("/api/v1/households/lookup"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(20_000).withBody("{\"found\":[],\"missing\":[]}")));
		long start = System.nanoTime();
		Response slow = http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN).json(body).send();
		assertThat(slow.status()).isEqualTo(503);
		assertThat((System.nanoTime() - start) / 1_000_000).as("the read timeout, not the delay").isLessThan(15_000);

		GRID.stubFor(post(urlEqualTo("/api/v1/households/lookup")).willReturn(aResponse().withStatus(502)));
		assertThat(http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN).json(body).send().status())
			.isEqualTo(503);

		// four failures: the breaker is open now, and grid-service is not even asked
		GRID.resetRequests();
		Response shortCircuited = http.post("/api/v1/central-households").bearer(ADMIN)
			.json(designation(member(tree.branch(), "郭九"), tree.community(), households, "SERVICE_DOER")).send();
		assertThat(shortCircuited.status()).isEqualTo(503);
		assertThat(GRID.findAll(postRequestedFor(urlEqualTo("/api/v1/households/lookup")))).isEmpty();

		assertThat(count(A, "select count(*) from linked_household where household_id = any(?::uuid[])",
				(Object) households.stream().map(UUID::toString).toArray(String[]::new))).isZero();
		assertThat(count(A, "select count(*) from central_household ch join party_member m on m.id = ch.member_id "
				+ "where m.name = '郭九'")).isZero();

		resetGridBreaker();
		GRID.stubFor(post(urlEqualTo("/api/v1/households/lookup")).willReturn(aResponse().withStatus(403)));
		Response refused = http.post("/api/v1/central-households/" + ch + "/households").bearer(ADMIN).json(body).send();
		assertThat(refused.status()).isEqualTo(403);
		assertThat((String) refused.json("$.code")).isEqualTo("household-validation-forbidden");
	}

	@Test
	void importsABatchAllOrNothing() {
		Tree tree = tree();
		home = tree.branch();
		String existingId = idNumber();
		String existing = registerMember(ADMIN, tree.branch(), "何一", existingId, null, "REGULAR", null).json("$.id");
		List<UUID> households = households(COMMUNITY, 6);
		String ok = "{\"rows\":[" + row(tree.community(), "何一", existingId, households.subList(0, 2)) + ","
				+ row(tree.community(), "何二", idNumber(), households.subList(2, 4)) + ","
				+ row(tree.community(), "何三", idNumber(), List.of()) + "]}";
		Response imported = http.post("/api/v1/central-households/imports").bearer(ADMIN).json(ok).send();
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat((Integer) imported.json("$.centralHouseholds")).isEqualTo(3);
		assertThat((Integer) imported.json("$.membersCreated")).isEqualTo(2);
		assertThat((Integer) imported.json("$.membersReused")).isEqualTo(1);
		assertThat((Integer) imported.json("$.linkedHouseholds")).isEqualTo(4);
		assertThat((String) http.get("/api/v1/central-households/for-household/" + households.get(3)).bearer(GRID_WORKER)
			.send().json("$.name")).isEqualTo("何二");
		assertThat((String) http.get("/api/v1/central-households/for-household/" + households.get(0)).bearer(GRID_WORKER)
			.send().json("$.memberId")).isEqualTo(existing);

		String badId = idNumber();
		String invalid = "{\"rows\":[" + row(tree.community(), "何四", idNumber(), households.subList(4, 5)) + ","
				+ row(tree.community(), "何五", badId.substring(0, 17) + (badId.charAt(17) == '1' ? '2' : '1'), List.of())
				+ "]}";
		Response rejected = http.post("/api/v1/central-households/imports").bearer(ADMIN).json(invalid).send();
		assertThat(rejected.status()).isEqualTo(400);
		assertThat((String) rejected.json("$.errors[0].field")).isEqualTo("rows[1].member.idNumber");

		String conflicting = "{\"rows\":[" + row(tree.community(), "何六", idNumber(), households.subList(4, 6)) + ","
				+ row(tree.community(), "何七", idNumber(), households.subList(1, 2)) + "]}";
		Response conflict = http.post("/api/v1/central-households/imports").bearer(ADMIN).json(conflicting).send();
		assertThat(conflict.status()).isEqualTo(409);
		assertThat((String) conflict.json("$.code")).isEqualTo("household-already-linked");
		assertThat(count(A, "select count(*) from party_member where name in ('何四', '何五', '何六', '何七')")).isZero();
		assertThat(count(A, "select count(*) from linked_household where household_id = ?::uuid", households.get(4)))
			.isZero();

		Response notMine = http.post("/api/v1/central-households/imports").bearer(OTHER_COMMUNITY_STAFF)
			.json("{\"rows\":[" + row(tree.community(), "何八", idNumber(), List.of()) + "]}").send();
		assertThat(notMine.status()).isEqualTo(403);
	}

	private String home;

	private String row(String organizationId, String name, String idNumber, List<UUID> households) {
		return "{\"organizationId\":\"" + organizationId + "\",\"member\":{\"name\":\"" + name + "\",\"idNumber\":\""
				+ idNumber + "\",\"phone\":\"13800000000\",\"organizationId\":\"" + home + "\"},"
				+ "\"roles\":[\"SERVICE_DOER\"],\"householdIds\":" + uuids(households) + "}";
	}

}
