package org.grassroots.grid.clients.member;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.grid.GridTestInfrastructure;
import org.grassroots.grid.IdNumbers;
import org.grassroots.grid.CaseCalls;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch asks member-service (a WireMock stub of its contract) which central household serves the case's
 * household: found → a helper; 404 → none; down or slow → the case proceeds and the link is filled in on the
 * next read, before case.closed tells member-service who helped.
 */
class MemberClientTest extends GridServiceTestBase {

	static final String TENANT = "441706";

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	void reset() {
		GridTestInfrastructure.MEMBER.resetAll();
		breakers.circuitBreaker("member-service").reset();
	}

	private String householdIn(Fixtures.Area area) {
		return http.post("/api/v1/households")
			.bearer(area.admin())
			.json("{\"code\":\"" + Fixtures.code("H") + "\",\"gridId\":\"" + area.grid1Id() + "\",\"address\":\"南恩路8号\","
					+ "\"residents\":[{\"name\":\"黄奶奶\",\"idNumber\":\"" + IdNumbers.random("19380505") + "\"}]}")
			.send()
			.json("$.id");
	}

	private String acceptedCase(Fixtures.Area area, String staff, String household) {
		String id = CaseCalls.report(http, staff, "livelihood-assistance", area.inGrid1(),
				"\"householdId\":\"" + household + "\"").json("$.id");
		CaseCalls.step(http, staff, id, "accept", "{}");
		return id;
	}

	private static String link(UUID centralHousehold) {
		return "{\"centralHouseholdId\":\"" + centralHousehold + "\",\"memberId\":\"" + UUID.randomUUID()
				+ "\",\"name\":\"刘党员\",\"roles\":[\"HARDSHIP_HELPER\",\"POLICY_PROMOTER\"],\"since\":\"2025-01-01\"}";
	}

	@Test
	void aCentralHouseholdFoundBecomesAHelperAndTheCallerTokenIsRelayed() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String staff = area.communityStaff("community-m", "COMMUNITY_STAFF");
		String household = householdIn(area);
		UUID central = UUID.randomUUID();
		GridTestInfrastructure.MEMBER.stubFor(get("/api/v1/central-households/for-household/" + household)
			.willReturn(okJson(link(central))));
		String id = acceptedCase(area, staff, household);
		Response dispatched = CaseCalls.step(http, staff, id, "dispatch",
				"{\"mode\":\"HANDLE_NOW\",\"assignee\":\"worker-m\"}");
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		assertThat((String) dispatched.json("$.helperLookup")).isEqualTo("FOUND");
		assertThat((List<String>) dispatched.json("$.helpers[*].centralHouseholdId")).containsExactly(central.toString());
		assertThat((List<String>) dispatched.json("$.helpers[0].roles")).contains("HARDSHIP_HELPER");
		GridTestInfrastructure.MEMBER.verify(getRequestedFor(urlEqualTo(
				"/api/v1/central-households/for-household/" + household)).withHeader("Authorization",
						equalTo("Bearer " + staff)));
		assertThat((String) sql(TENANT, "select data::text from outbox_event where type = 'case.dispatched' and subject = ?",
				id).get(0).get(0)).contains("\"helperCentralHouseholdId\": \"" + central + "\"");
	}

	@Test
	void noCentralHouseholdIsAnAnswerNotAFailure() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String staff = area.communityStaff("community-n", "COMMUNITY_STAFF");
		String household = householdIn(area);
		GridTestInfrastructure.MEMBER.stubFor(get("/api/v1/central-households/for-household/" + household)
			.willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
				.withBody("{\"code\":\"not-found\"}")));
		String id = acceptedCase(area, staff, household);
		Response dispatched = CaseCalls.step(http, staff, id, "dispatch",
				"{\"mode\":\"HANDLE_NOW\",\"assignee\":\"worker-n\"}");
		assertThat(dispatched.status()).isEqualTo(200);
		assertThat((String) dispatched.json("$.helperLookup")).isEqualTo("NONE");
		assertThat((List<String>) dispatched.json("$.helpers")).isEmpty();
	}

	@Test
	void whenMemberServiceIsDownTheCaseProceedsAndTheLinkIsFilledInLater() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String staff = area.communityStaff("community-o", "COMMUNITY_STAFF");
		String household = householdIn(area);
		String path = "/api/v1/central-households/for-household/" + household;
		GridTestInfrastructure.MEMBER.stubFor(get(path).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String id = acceptedCase(area, staff, household);
		long start = System.nanoTime();
		Response dispatched = CaseCalls.step(http, staff, id, "dispatch",
				"{\"mode\":\"HANDLE_NOW\",\"assignee\":\"worker-o\"}");
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		assertThat((String) dispatched.json("$.status")).isEqualTo("DISPATCHED");
		assertThat((String) dispatched.json("$.helperLookup")).isEqualTo("PENDING");

		// slow is down too: the read timeout bounds the wait
		GridTestInfrastructure.MEMBER.stubFor(get(path).willReturn(okJson(link(UUID.randomUUID())).withFixedDelay(15_000)));
		assertThat((String) http.get("/api/v1/cases/" + id).bearer(staff).send().json("$.helperLookup"))
			.isEqualTo("PENDING");
		assertThat((System.nanoTime() - start) / 1_000_000).as("never waits for the slow provider").isLessThan(10_000);

		UUID central = UUID.randomUUID();
		GridTestInfrastructure.MEMBER.stubFor(get(path).willReturn(okJson(link(central))));
		breakers.circuitBreaker("member-service").reset();
		Response read = http.get("/api/v1/cases/" + id).bearer(staff).send();
		assertThat((String) read.json("$.helperLookup")).isEqualTo("FOUND");
		assertThat((List<String>) read.json("$.helpers[*].centralHouseholdId")).containsExactly(central.toString());

		CaseCalls.step(http, staff, id, "resolve", "{\"note\":\"已帮扶\"}");
		CaseCalls.step(http, staff, id, "feedback", "{\"method\":\"VISIT\"}");
		CaseCalls.step(http, staff, id, "evaluate", "{\"rating\":4}");
		assertThat(CaseCalls.step(http, staff, id, "close", "{}").status()).isEqualTo(200);
		String closed = (String) sql(TENANT, "select data::text from outbox_event where type = 'case.closed' and subject = ?",
				id).get(0).get(0);
		assertThat(closed).contains("\"helperCentralHouseholdId\": \"" + central + "\"")
			.contains("\"householdId\": \"" + household + "\"").contains("\"rating\": 4");
	}
}
