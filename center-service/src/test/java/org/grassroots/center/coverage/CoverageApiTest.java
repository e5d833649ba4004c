package org.grassroots.center.coverage;

import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.CenterTestInfrastructure;
import org.grassroots.center.Fixtures;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 15-minute coverage with grid-service stubbed by WireMock to its contract ({@code GET /api/v1/compounds?region=
 * &limit=&cursor=} → {@code {items:[{id,name,region,location:{lat,lng},population}], nextCursor}}), including
 * grid-service being down.
 */
class CoverageApiTest extends CenterServiceTestBase {

	static final String T = "441782";

	static final String ADMIN_T = person(T, "admin-cov", T, "TENANT_ADMIN");

	static final double LAT = 22.0;

	static final double LNG = 112.0;

	static boolean centersCreated;

	@Autowired
	CircuitBreakerRegistry breakers;

	static String compound(String id, String name, double dLat, Integer population) {
		return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"region\":\"" + T + "/01/001\",\"location\":{\"lat\":"
				+ (LAT + dLat) + ",\"lng\":" + LNG + "},\"population\":" + population + ",\"code\":\"ignored\"}";
	}

	@BeforeEach
	void stubs() {
		if (!centersCreated) {
			Fixtures.createCenter(http, ADMIN_T, "COMMUNITY", "覆盖测试中心", T + "/01/001", LAT, LNG, Fixtures.OFFICE, null);
			Fixtures.createCenter(http, ADMIN_T, "COMMUNITY", "已关闭中心", T + "/01/002", LAT + 0.02, LNG, Fixtures.OFFICE,
					"\"status\":\"CLOSED\"");
			centersCreated = true;
		}
		var grid = CenterTestInfrastructure.GRID;
		grid.stubFor(get(urlPathEqualTo("/api/v1/compounds")).withQueryParam("region", equalTo(T))
			.withQueryParam("limit", equalTo("100")).withQueryParam("cursor", absent())
			.willReturn(okJson("{\"items\":[" + compound("00000000-0000-0000-0000-000000000001", "一号小区", 0, 1000) + ","
					+ compound("00000000-0000-0000-0000-000000000002", "二号小区", 0.005, 2000)
					+ "],\"nextCursor\":\"page-2\"}")));
		grid.stubFor(get(urlPathEqualTo("/api/v1/compounds")).withQueryParam("region", equalTo(T))
			.withQueryParam("cursor", equalTo("page-2"))
			.willReturn(okJson("{\"items\":[" + compound("00000000-0000-0000-0000-000000000003", "三号小区", 0.02, 3000) + ","
					+ compound("00000000-0000-0000-0000-000000000004", "四号小区", 0.05, 500) + ","
					+ "{\"id\":\"00000000-0000-0000-0000-000000000005\",\"name\":\"无坐标\",\"region\":\"" + T
					+ "\",\"location\":null,\"population\":10}]}")));
		grid.stubFor(get(urlPathEqualTo("/api/v1/compounds")).withQueryParam("region", equalTo(T + "/09"))
			.willReturn(aResponse().withStatus(503).withBody("down")));
		grid.stubFor(get(urlPathEqualTo("/api/v1/compounds")).withQueryParam("region", equalTo(T + "/08"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		grid.stubFor(get(urlPathEqualTo("/api/v1/compounds")).withQueryParam("region", equalTo(T + "/06"))
			.willReturn(okJson("{\"items\":[]}").withFixedDelay(2500)));
		grid.stubFor(get(urlPathEqualTo("/api/v1/compounds")).withQueryParam("region", equalTo(T + "/07"))
			.willReturn(aResponse().withStatus(403)));
	}

	@AfterEach
	void closeBreaker() {
		breakers.getAllCircuitBreakers().forEach(b -> b.reset());
	}

	@Test
	void sharesOfCompoundsAndPopulationFromGridServiceAcrossPages() {
		Response report = http.get("/api/v1/coverage").bearer(ADMIN_T).send();
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat((Integer) report.json("$.walkMeters")).isEqualTo(1000);
		assertThat((Double) report.json("$.radiusMeters")).isEqualTo(769.2);
		assertThat((Integer) report.json("$.centers")).as("the closed center does not count").isEqualTo(1);
		assertThat((Integer) report.json("$.compounds")).isEqualTo(4);
		assertThat((Integer) report.json("$.unlocatedCompounds")).isEqualTo(1);
		assertThat((Integer) report.json("$.coveredCompounds")).isEqualTo(2);
		assertThat((Double) report.json("$.compoundShare")).isEqualTo(0.5);
		assertThat(((Number) report.json("$.population")).longValue()).isEqualTo(6500);
		assertThat(((Number) report.json("$.coveredPopulation")).longValue()).isEqualTo(3000);
		assertThat((Double) report.json("$.populationShare")).isEqualTo(0.4615);
		assertThat((List<String>) report.json("$.uncovered[*].compound.name")).containsExactly("三号小区", "四号小区");
		CenterTestInfrastructure.GRID.verify(getRequestedFor(urlPathEqualTo("/api/v1/compounds"))
			.withQueryParam("region", equalTo(T)).withHeader("Authorization", matching("Bearer .+")));

		Response wider = http.get("/api/v1/coverage?walkMeters=3000").bearer(ADMIN_T).send();
		assertThat((Integer) wider.json("$.coveredCompounds")).isEqualTo(3);
		assertThat(http.get("/api/v1/coverage?walkMeters=50").bearer(ADMIN_T).send().status()).isEqualTo(400);
		assertThat(http.get("/api/v1/coverage?region=" + T + "/02").bearer(person(T, "s", T + "/01", "STREET_STAFF"))
			.send().status()).as("outside the caller's scope").isEqualTo(404);
		assertThat(http.get("/api/v1/coverage").bearer(person(T, "r", T, "RESIDENT")).send().status()).isEqualTo(403);
	}

	@Test
	void bestSitesByGreedyMaximalCoverage() {
		String body = "{\"k\":2,\"candidates\":[{\"id\":\"far\",\"name\":\"远郊\",\"location\":{\"lat\":23.5,\"lng\":113.5}},"
				+ "{\"id\":\"near-3\",\"name\":\"三号小区旁\",\"location\":{\"lat\":" + (LAT + 0.021) + ",\"lng\":" + LNG + "}},"
				+ "{\"id\":\"near-4\",\"name\":\"四号小区旁\",\"location\":{\"lat\":" + (LAT + 0.049) + ",\"lng\":" + LNG
				+ "}}]}";
		Response best = http.post("/api/v1/coverage/best-sites").bearer(ADMIN_T).json(body).send();
		assertThat(best.status()).as(best.body()).isEqualTo(200);
		assertThat((List<String>) best.json("$.bestSites[*].site.id")).containsExactly("near-3", "near-4");
		assertThat(((Number) best.json("$.bestSites[0].newlyCoveredPopulation")).longValue()).isEqualTo(3000);
		assertThat((Double) best.json("$.bestSites[1].populationShareAfter")).isEqualTo(1.0);
		Response none = http.post("/api/v1/coverage/best-sites").bearer(ADMIN_T).json("{\"k\":2}").send();
		assertThat(none.status()).isEqualTo(400);
		Response badPoint = http.post("/api/v1/coverage/best-sites").bearer(ADMIN_T)
			.json("{\"k\":1,\"candidates\":[{\"name\":\"x\",\"location\":{\"lat\":95,\"lng\":112}}]}").send();
		assertThat(badPoint.status()).isEqualTo(400);
		assertThat((String) badPoint.json("$.errors[0].field")).isEqualTo("candidates[0].location.lat");
	}

	@Test
	void whenGridServiceIsDownTheAnalysisIsA503ThatSaysSo() {
		Response down = http.get("/api/v1/coverage?region=" + T + "/09").bearer(ADMIN_T).send();
		assertThat(down.status()).as(down.body()).isEqualTo(503);
		assertThat(down.isProblem()).isTrue();
		assertThat((String) down.json("$.code")).isEqualTo("downstream-unavailable");
		assertThat((String) down.json("$.detail")).contains("grid-service");
		assertThat(down.header("Retry-After")).isNotBlank();
		Response english = http.get("/api/v1/coverage?region=" + T + "/08").bearer(ADMIN_T).english().send();
		assertThat(english.status()).isEqualTo(503);
		assertThat((String) english.json("$.detail")).isEqualTo("The service 'grid-service' is not answering right now; retry later.");
		Response refused = http.get("/api/v1/coverage?region=" + T + "/07").bearer(ADMIN_T).send();
		assertThat(refused.status()).isEqualTo(403);
		assertThat((String) refused.json("$.code")).isEqualTo("coverage-grid-forbidden");

		Response slow = http.post("/api/v1/coverage/best-sites").bearer(ADMIN_T)
			.json("{\"region\":\"" + T + "/06\",\"k\":1,\"candidates\":[{\"name\":\"x\",\"location\":{\"lat\":22.01,"
					+ "\"lng\":112.0}}]}")
			.send();
		assertThat(slow.status()).as("a read timeout is grid-service being unavailable").isEqualTo(503);
		assertThat((String) slow.json("$.detail")).contains("grid-service");
	}
}
