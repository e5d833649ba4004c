package org.grassroots.grid.open311;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.grid.CaseCalls;
import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.testsupport.TestHttp;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GeoReport v2 as a spec-only client sees it (behind the gateway, which turned api_key into an integrator token
 * and anonymous GETs into an anonymous one): JSON and XML, form-encoded POST, the spec's filters, errors and
 * status codes, FixMyStreet extended statuses and service request updates.
 */
class Open311Test extends GridServiceTestBase {

	static final String TENANT = "441707";

	static final String INTEGRATOR = TestTokens.integrator(TENANT, "hotline-12345", "cases:write", "cases:read");

	static final String ANONYMOUS = TestTokens.builder(TENANT, "anonymous").kind("anonymous").roles("PUBLIC").mint();

	private Response post(String path, String token, String form) {
		return http.post(path).bearer(token).body("application/x-www-form-urlencoded",
				form.getBytes(StandardCharsets.UTF_8)).send();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void discoveryServicesAndDefinitionsInJsonAndXml() {
		Response discovery = http.get("/open311/v2/discovery.json?jurisdiction_id=" + TENANT).bearer(ANONYMOUS).send();
		assertThat(discovery.status()).isEqualTo(200);
		assertThat((List<String>) discovery.json("$.endpoints[0].formats")).containsExactly("text/xml", "application/json");
		Response discoveryXml = http.get("/open311/v2/discovery.xml?jurisdiction_id=" + TENANT).bearer(ANONYMOUS).send();
		assertThat(discoveryXml.contentType()).startsWith("text/xml");
		assertThat(discoveryXml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><discovery>")
			.contains("<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>")
			.contains("<formats><format>text/xml</format><format>application/json</format></formats>");

		Response services = http.get("/open311/v2/services.json?jurisdiction_id=" + TENANT).bearer(INTEGRATOR).send();
		assertThat(services.status()).isEqualTo(200);
		assertThat(services.contentType()).startsWith("application/json");
		List<String> codes = services.json("$[*].service_code");
		assertThat(codes).contains("facility-manhole", "facility-elevator", "env-garbage", "dispute-neighbour");
		assertThat((List<Boolean>) services.json("$[?(@.service_code=='facility-elevator')].metadata")).containsExactly(true);
		assertThat((List<String>) services.json("$[?(@.service_code=='facility-elevator')].group"))
			.containsExactly("公共设施");
		List<String> publicCodes = http.get("/open311/v2/services.json?jurisdiction_id=" + TENANT).bearer(ANONYMOUS)
			.send().json("$[*].service_code");
		assertThat(publicCodes).contains("facility-manhole").doesNotContain("dispute-neighbour");
		Response servicesXml = http.get("/open311/v2/services.xml").bearer(INTEGRATOR).send();
		assertThat(servicesXml.body()).contains("<services><service><service_code>")
			.contains("<type>realtime</type>");

		Response definition = http.get("/open311/v2/services/facility-elevator.json").bearer(INTEGRATOR).send();
		assertThat((String) definition.json("$.service_code")).isEqualTo("facility-elevator");
		assertThat((String) definition.json("$.attributes[0].code")).isEqualTo("people_trapped");
		assertThat((String) definition.json("$.attributes[0].datatype")).isEqualTo("singlevaluelist");
		assertThat((List<String>) definition.json("$.attributes[0].values[*].key")).containsExactly("yes", "no");
		Response definitionXml = http.get("/open311/v2/services/facility-elevator.xml").bearer(INTEGRATOR).send();
		assertThat(definitionXml.body()).contains("<service_definition><service_code>facility-elevator</service_code>"
				+ "<attributes><attribute><variable>true</variable><code>people_trapped</code>")
			.contains("<values><value><key>yes</key><name>有人被困</name></value>");

		Response unknown = http.get("/open311/v2/services/no-such.xml").bearer(INTEGRATOR).send();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("<errors><error><code>404</code><description>service_code no-such not found");
		Response otherJurisdiction = http.get("/open311/v2/services.json?jurisdiction_id=340202").bearer(INTEGRATOR).send();
		assertThat(otherJurisdiction.status()).isEqualTo(404);
		assertThat((Integer) otherJurisdiction.json("$[0].code")).isEqualTo(404);
		assertThat(http.get("/open311/v2/services.yaml").bearer(INTEGRATOR).send().status()).isEqualTo(404);
	}

	@Test
	void postRequestsFormEncodedWithTheSpecsErrors() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		double[] p = area.inGrid1();
		String form = "jurisdiction_id=" + TENANT + "&service_code=facility-elevator&lat=" + p[0] + "&long=" + p[1]
				+ "&address_string=" + enc("滨江花园3栋") + "&description=" + enc("电梯停在两层之间") + "&first_name="
				+ enc("小明") + "&last_name=" + enc("王") + "&phone=13800002222&media_url=" + enc("https://img.example.cn/e.jpg")
				+ "&attribute%5Bpeople_trapped%5D=yes";
		Response created = post("/open311/v2/requests.json", INTEGRATOR, form);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		String number = created.json("$[0].service_request_id");
		assertThat(number).startsWith("MQ");
		assertThat((String) created.json("$[0].service_notice")).contains(number);
		String token = created.json("$[0].token");

		Response lon = post("/open311/v2/requests.xml", INTEGRATOR, "service_code=env-garbage&lat=" + p[0] + "&lon=" + p[1]);
		assertThat(lon.status()).as(lon.body()).isEqualTo(200);
		assertThat(lon.body()).contains("<service_requests><request><service_request_id>MQ");

		Response noCode = post("/open311/v2/requests.json", INTEGRATOR, "lat=" + p[0] + "&long=" + p[1]);
		assertThat(noCode.status()).isEqualTo(400);
		assertThat((String) noCode.json("$[0].description")).contains("service_code");
		Response noLocation = post("/open311/v2/requests.xml", INTEGRATOR, "service_code=env-garbage");
		assertThat(noLocation.status()).isEqualTo(400);
		assertThat(noLocation.body()).contains("<code>400</code>");
		Response badAttribute = post("/open311/v2/requests.json", INTEGRATOR, "service_code=facility-elevator&lat=" + p[0]
				+ "&long=" + p[1] + "&attribute%5Bpeople_trapped%5D=maybe");
		assertThat(badAttribute.status()).isEqualTo(400);
		assertThat((String) badAttribute.json("$[0].description")).contains("attributes.people_trapped");
		Response readOnly = post("/open311/v2/requests.json", TestTokens.integrator(TENANT, "bigdata", "cases:read"),
				"service_code=env-garbage&lat=" + p[0] + "&long=" + p[1]);
		assertThat(readOnly.status()).isEqualTo(403);
		assertThat(post("/open311/v2/requests.json", ANONYMOUS, "service_code=env-garbage&lat=1&long=2").status())
			.isEqualTo(403);

		Response one = http.get("/open311/v2/requests/" + number + ".json").bearer(INTEGRATOR).send();
		assertThat(one.status()).isEqualTo(200);
		assertThat((String) one.json("$[0].status")).isEqualTo("open");
		assertThat((String) one.json("$[0].service_code")).isEqualTo("facility-elevator");
		assertThat((String) one.json("$[0].description")).isEqualTo("电梯停在两层之间");
		assertThat((String) one.json("$[0].media_url")).isEqualTo("https://img.example.cn/e.jpg");
		assertThat((String) one.json("$[0].requested_datetime")).endsWith("+08:00");
		assertThat((Double) one.json("$[0].lat")).isEqualTo(p[0]);
		Response anonymous = http.get("/open311/v2/requests/" + number + ".json?jurisdiction_id=" + TENANT)
			.bearer(ANONYMOUS).send();
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.body()).doesNotContain("电梯停在两层之间").doesNotContain("13800002222").doesNotContain("王小明");
		assertThat((Double) anonymous.json("$[0].lat")).isEqualTo(Math.round(p[0] * 1000) / 1000.0);
		Response byToken = http.get("/open311/v2/tokens/" + token + ".json").bearer(INTEGRATOR).send();
		assertThat((String) byToken.json("$[0].service_request_id")).isEqualTo(number);
		assertThat(http.get("/open311/v2/requests/MQ19700101-000000.json").bearer(INTEGRATOR).send().status())
			.isEqualTo(404);
	}

	@Test
	void queriesWithTheSpecsFiltersAndFixMyStreetUpdates() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String staff = area.communityStaff("community-311", "COMMUNITY_STAFF");
		String open = CaseCalls.report(http, staff, "facility-road", area.inGrid1(), null).json("$.number");
		String dispatchedId = CaseCalls.report(http, staff, "facility-road", area.inGrid2(), null).json("$.id");
		CaseCalls.step(http, staff, dispatchedId, "accept", "{\"note\":\"核实中\"}");
		CaseCalls.step(http, staff, dispatchedId, "dispatch", "{\"mode\":\"ROUTE_TO_DEPARTMENT\",\"department\":\"住建局\"}");
		String dispatched = http.get("/api/v1/cases/" + dispatchedId).bearer(staff).send().json("$.number");
		String disputeNumber = CaseCalls.report(http, staff, "dispute-neighbour", area.inGrid1(), null).json("$.number");

		Response all = http.get("/open311/v2/requests.json?service_code=facility-road,dispute-neighbour&extensions=true")
			.bearer(INTEGRATOR).send();
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat((List<String>) all.json("$[*].service_request_id")).contains(open, dispatched, disputeNumber);
		assertThat((List<String>) all.json("$[?(@.service_request_id=='" + dispatched + "')].extended_attributes.status"))
			.containsExactly("internal_referral");
		assertThat((List<String>) all.json("$[?(@.service_request_id=='" + dispatched + "')].agency_responsible"))
			.containsExactly("住建局");
		Response investigating = http.get("/open311/v2/requests.json?service_code=facility-road&status=internal_referral")
			.bearer(INTEGRATOR).send();
		assertThat((List<String>) investigating.json("$[*].service_request_id")).contains(dispatched).doesNotContain(open);
		Response byIds = http.get("/open311/v2/requests.xml?service_request_id=" + open + "," + dispatched)
			.bearer(INTEGRATOR).send();
		assertThat(byIds.body()).contains("<service_request_id>" + open + "</service_request_id>")
			.contains("<service_request_id>" + dispatched + "</service_request_id>");
		Response anonymous = http.get("/open311/v2/requests.json?jurisdiction_id=" + TENANT + "&service_code="
				+ "facility-road,dispute-neighbour").bearer(ANONYMOUS).send();
		assertThat((List<String>) anonymous.json("$[*].service_request_id")).contains(open).doesNotContain(disputeNumber);
		assertThat(http.get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")
			.bearer(INTEGRATOR).send().status()).as("more than 90 days").isEqualTo(400);
		assertThat(http.get("/open311/v2/requests.json?start_date=yesterday").bearer(INTEGRATOR).send().status())
			.isEqualTo(400);
		assertThat(http.get("/open311/v2/requests.json?status=lost").bearer(INTEGRATOR).send().status()).isEqualTo(400);

		Response updates = http.get("/open311/v2/servicerequestupdates.json").bearer(INTEGRATOR).send();
		assertThat(updates.status()).isEqualTo(200);
		assertThat((List<String>) updates.json("$[?(@.service_request_id=='" + dispatched + "')].status"))
			.containsExactly("OPEN", "INVESTIGATING", "INTERNAL_REFERRAL");
		assertThat((List<String>) updates.json("$[?(@.service_request_id=='" + dispatched + "')].description"))
			.contains("核实中");
		Response posted = post("/open311/v2/servicerequestupdates.json", INTEGRATOR, "service_request_id=" + dispatched
				+ "&description=" + enc("群众来电催办") + "&last_name=" + enc("张"));
		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
		assertThat((String) posted.json("$[0].update_id")).isNotBlank();
		List<String> timeline = http.get("/api/v1/cases/" + dispatchedId + "/timeline").bearer(staff).send()
			.json("$[*].note");
		assertThat(timeline).contains("张：群众来电催办");
		Response anonymousUpdates = http.get("/open311/v2/servicerequestupdates.xml?jurisdiction_id=" + TENANT)
			.bearer(ANONYMOUS).send();
		assertThat(anonymousUpdates.body()).startsWith("<?xml").contains("<service_request_updates>")
			.doesNotContain("群众来电催办").doesNotContain("核实中");
		TestHttp.Response missing = post("/open311/v2/servicerequestupdates.xml", INTEGRATOR, "description=x");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("service_request_id was not provided");
	}
}
