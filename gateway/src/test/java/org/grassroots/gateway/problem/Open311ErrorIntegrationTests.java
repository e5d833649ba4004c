package org.grassroots.gateway.problem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

import org.grassroots.gateway.GatewayIntegrationTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway answers itself on {@code /open311/**} is in the GeoReport v2 error format with the spec's
 * status codes (JSON list of {@code {code, description}}, XML {@code <errors>} for {@code .xml} paths); the same
 * failures under {@code /api/**} stay problem+json.
 */
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311ErrorIntegrationTests extends GatewayIntegrationTest {

	static final String TENANT = "320102";

	static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

	static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

	@BeforeAll
	void district() {
		ensureTenant(TENANT, "玄武区");
	}

	@Test
	void creatingWithoutAnApiKeyIs403InTheSpecFormat() {
		for (String extension : List.of("json", "xml")) {
			EntityExchangeResult<byte[]> result = client().post()
				.uri("/open311/v2/requests." + extension)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("jurisdiction_id", TENANT).with("service_code", "env-garbage"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
				.expectBody()
				.returnResult();
			assertError(result, extension, 403, "api_key");
		}
	}

	@Test
	void anUnknownOrRevokedKeyIs403() {
		assertError(client().get()
			.uri("/open311/v2/requests.xml?api_key=gr_abcdefgh_" + "A".repeat(43))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.returnResult(), "xml", 403, "api_key");

		Map<String, Object> issued = issueClient(TENANT, Map.of("name", "12345 热线", "scopes", List.of("cases:read")));
		String key = (String) issued.get("apiKey");
		client().get().uri("/open311/v2/requests.json?api_key=" + key).exchange().expectStatus().isOk();
		client().post()
			.uri("/api/v1/platform/clients/" + issued.get("id") + "/revoke")
			.headers(h -> h.setBearerAuth(adminToken(TENANT)))
			.exchange()
			.expectStatus()
			.isOk();
		assertError(client().post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("api_key", key).with("service_code", "env-garbage"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.returnResult(), "json", 403, "api_key");

		// the same key under /api stays a problem with its 401
		client().get()
			.uri("/api/v1/cases")
			.header("X-API-Key", key)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aKeyFromAnAddressOutsideItsAllowListIsForbidden() {
		String key = (String) issueClient(TENANT, Map.of("name", "内网客户端", "scopes", List.of("cases:read"),
				"allowedIps", List.of("10.99.0.0/16"))).get("apiKey");
		assertError(client().get()
			.uri("/open311/v2/services.json")
			.header("X-API-Key", key)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.returnResult(), "json", 403, "IP");
	}

	@Test
	void anonymousReadsOfAnUnknownDistrictAre404AndWithoutOneAre400() {
		assertError(client().get()
			.uri("/open311/v2/services.xml?jurisdiction_id=999999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult(), "xml", 404, "999999");
		assertError(client().get()
			.uri("/open311/v2/discovery.json")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody()
			.returnResult(), "json", 400, "jurisdiction_id was not provided");
	}

	@Test
	void overTheRateLimitIs429WithRetryAfter() {
		String key = (String) issueClient(TENANT, Map.of("name", "限流客户端", "scopes", List.of("cases:read"),
				"rateLimitPerMinute", 2)).get("apiKey");
		for (int i = 0; i < 2; i++) {
			client().get().uri("/open311/v2/services.json?api_key=" + key).exchange().expectStatus().isOk();
		}
		assertError(client().get()
			.uri("/open311/v2/services.xml?api_key=" + key)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isPositive())
			.expectBody()
			.returnResult(), "xml", 429, "");
	}

	@Test
	void aBodyOverTheLimitIs413() {
		byte[] large = new byte[80 * 1024];
		Arrays.fill(large, (byte) 'a');
		assertError(client().post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(large)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.returnResult(), "json", 413, "");
	}

	@Test
	void aFailingServiceIs503() {
		SERVICES.stubFor(get(urlPathEqualTo("/open311/v2/requests/broken.xml"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertError(client().get()
			.uri("/open311/v2/requests/broken.xml?jurisdiction_id=" + TENANT)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.returnResult(), "xml", 503, "");
	}

	@Test
	void unroutedOpen311PathsAre404InTheSpecFormatAndApiPathsStayProblems() {
		assertError(client().get()
			.uri("/open311/v1/services.json")
			.headers(h -> h.setBearerAuth(personToken("staff-311", TENANT, TENANT, "COMMUNITY_STAFF")))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult(), "json", 404, "");
		client().get()
			.uri("/api/v1/public/999999/centers")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** One error in the document, with this code and a description containing {@code text}. */
	private static void assertError(EntityExchangeResult<byte[]> result, String extension, int code, String text) {
		MediaType type = result.getResponseHeaders().getContentType();
		String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
		if (extension.equals("xml")) {
			assertThat(type).as("content type").isEqualTo(XML);
			assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + code
					+ "</code><description>");
			Document xml = parse(result.getResponseBody());
			assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
			assertThat(xml.getElementsByTagName("description").item(0).getTextContent()).isNotBlank().contains(text);
		}
		else {
			assertThat(type).as("content type").isEqualTo(JSON);
			List<?> errors = com.jayway.jsonpath.JsonPath.read(body, "$");
			assertThat(errors).hasSize(1);
			assertThat((Integer) com.jayway.jsonpath.JsonPath.read(body, "$[0].code")).isEqualTo(code);
			assertThat((String) com.jayway.jsonpath.JsonPath.read(body, "$[0].description")).isNotBlank().contains(text);
		}
	}

	private static Document parse(byte[] body) {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
		}
		catch (Exception ex) {
			throw new AssertionError("not XML: " + new String(body, StandardCharsets.UTF_8), ex);
		}
	}

}
