package org.grassroots.launcher.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.parsers.DocumentBuilderFactory;

import org.grassroots.launcher.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.A;

/**
 * A municipal system that knows only the GeoReport v2 spec: plain GETs, form-encoded POSTs with {@code api_key},
 * JSON or XML by extension, and the spec's error documents and status codes, whether the gateway or grid-service
 * answers.
 */
@Order(21)
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311IT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final LocalPlatform platform;

	private final Gateway gateway;

	/** Somewhere in Sichuan: no demo grid there, so requests queue at the district. */
	private final double lat = 30.2 + ThreadLocalRandom.current().nextInt(0, 1000) * 0.001;

	private final double lng = 104.2 + ThreadLocalRandom.current().nextInt(0, 1000) * 0.001;

	private String apiKey;

	Open311IT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@BeforeAll
	void integrator() {
		// the district's tenant admin issues the hotline its key, as docs/gateway.md describes
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "12345 热线 e2e-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("scopes", List.of("cases:write", "cases:read"));
		Gateway.Reply created = gateway.post("/api/v1/platform/clients", body)
			.bearer(platform.tokenFor(A, "TENANT_ADMIN"))
			.send();
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		apiKey = created.json().path("apiKey").asString();
	}

	@Test
	void discoveryServicesAndADefinition() {
		Response discovery = get("/open311/v2/discovery.json?jurisdiction_id=" + A);
		assertThat(discovery.status()).as("%s", discovery).isEqualTo(200);
		assertThat(discovery.json().path("endpoints").get(0).path("specification").asString())
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(discovery.json().path("endpoints").get(0).path("formats").toString()).contains("text/xml",
				"application/json");

		Response services = get("/open311/v2/services.json?api_key=" + apiKey);
		assertThat(services.status()).as("%s", services).isEqualTo(200);
		assertThat(services.contentType()).startsWith("application/json");
		List<String> codes = new ArrayList<>();
		services.json().forEach(s -> codes.add(s.path("service_code").asString()));
		assertThat(codes).contains("facility-elevator", "env-garbage", "dispute-neighbour");
		JsonNode elevator = find(services.json(), "service_code", "facility-elevator");
		assertThat(elevator.path("metadata").asBoolean()).isTrue();
		assertThat(elevator.path("type").asString()).isEqualTo("realtime");
		assertThat(elevator.path("group").asString()).isEqualTo("公共设施");

		// anonymous readers see the public categories only, here in XML
		Response xml = get("/open311/v2/services.xml?jurisdiction_id=" + A);
		assertThat(xml.status()).as("%s", xml).isEqualTo(200);
		assertThat(xml.contentType()).startsWith("text/xml");
		assertThat(xml.body()).startsWith("<?xml");
		Document document = xml.xml();
		assertThat(document.getDocumentElement().getNodeName()).isEqualTo("services");
		List<String> xmlCodes = texts(document, "service_code");
		assertThat(xmlCodes).contains("facility-elevator", "env-garbage").doesNotContain("dispute-neighbour");

		Response definition = get("/open311/v2/services/facility-elevator.json?jurisdiction_id=" + A);
		assertThat(definition.status()).as("%s", definition).isEqualTo(200);
		assertThat(definition.json().path("service_code").asString()).isEqualTo("facility-elevator");
		JsonNode attribute = definition.json().path("attributes").get(0);
		assertThat(attribute.path("code").asString()).isEqualTo("people_trapped");
		assertThat(attribute.path("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(attribute.path("values").toString()).contains("\"key\":\"yes\"");
	}

	@Test
	void createReadQueryAndTokens() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("api_key", apiKey);
		form.put("jurisdiction_id", A);
		form.put("service_code", "facility-elevator");
		form.put("lat", Double.toString(lat));
		form.put("long", Double.toString(lng));
		form.put("address_string", "滨江花园3栋");
		form.put("description", "电梯停在两层之间");
		form.put("last_name", "王");
		form.put("first_name", "小明");
		form.put("phone", "13800002222");
		form.put("attribute[people_trapped]", "yes");
		form.put("media_url", "https://img.example.cn/e.jpg");
		Response created = postForm("/open311/v2/requests.json", form);
		assertThat(created.status()).as("%s", created).isEqualTo(200);
		JsonNode first = created.json().get(0);
		String id = first.path("service_request_id").asString();
		String token = first.path("token").asString();
		assertThat(id).startsWith("MQ");
		assertThat(token).isNotBlank();
		assertThat(first.path("service_notice").asString()).contains(id);

		// `lon` instead of `long`, answered in XML; the key in the X-API-Key header is fine too
		Map<String, String> second = new LinkedHashMap<>();
		second.put("service_code", "env-garbage");
		second.put("lat", Double.toString(lat + 0.01));
		second.put("lon", Double.toString(lng + 0.01));
		second.put("description", "小区门口垃圾堆放三天未清运");
		Response xml = postForm("/open311/v2/requests.xml?api_key=" + apiKey, second);
		assertThat(xml.status()).as("%s", xml).isEqualTo(200);
		assertThat(xml.contentType()).startsWith("text/xml");
		String secondId = texts(xml.xml(), "service_request_id").get(0);
		assertThat(secondId).startsWith("MQ").isNotEqualTo(id);

		Response one = get("/open311/v2/requests/" + id + ".json?api_key=" + apiKey + "&extensions=true");
		assertThat(one.status()).as("%s", one).isEqualTo(200);
		JsonNode request = one.json().get(0);
		assertThat(request.path("service_request_id").asString()).isEqualTo(id);
		assertThat(request.path("status").asString()).isEqualTo("open");
		assertThat(request.path("service_code").asString()).isEqualTo("facility-elevator");
		assertThat(request.path("description").asString()).isEqualTo("电梯停在两层之间");
		assertThat(request.path("lat").asDouble()).isEqualTo(lat);
		assertThat(request.path("long").asDouble()).isEqualTo(lng);
		assertThat(request.path("media_url").asString()).isEqualTo("https://img.example.cn/e.jpg");
		assertThat(request.path("expected_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
		assertThat(request.path("extended_attributes").path("channel").asString()).isEqualTo("INTEGRATOR");
		assertThat(request.path("extended_attributes").path("detailed_status").asString()).isEqualTo("REPORTED");
		assertThat(request.path("extended_attributes").path("queue_level").asString()).isEqualTo("DISTRICT");

		Response byIds = get("/open311/v2/requests.json?api_key=" + apiKey + "&service_request_id=" + id + ","
				+ secondId);
		assertThat(byIds.status()).as("%s", byIds).isEqualTo(200);
		assertThat(values(byIds.json(), "service_request_id")).containsExactlyInAnyOrder(id, secondId);

		Response open = get("/open311/v2/requests.json?api_key=" + apiKey + "&service_code=facility-elevator&status=open");
		assertThat(values(open.json(), "service_request_id")).contains(id).doesNotContain(secondId);
		assertThat(values(open.json(), "service_code")).containsOnly("facility-elevator");
		Response closed = get("/open311/v2/requests.json?api_key=" + apiKey + "&service_code=facility-elevator&status=closed");
		assertThat(closed.status()).as("%s", closed).isEqualTo(200);
		assertThat(values(closed.json(), "service_request_id")).doesNotContain(id);
		Response window = get("/open311/v2/requests.xml?api_key=" + apiKey + "&start_date=2020-01-01&end_date=2020-02-01");
		assertThat(window.status()).as("%s", window).isEqualTo(200);
		assertThat(texts(window.xml(), "service_request_id")).doesNotContain(id, secondId);

		Response byToken = get("/open311/v2/tokens/" + token + ".json?api_key=" + apiKey);
		assertThat(byToken.status()).as("%s", byToken).isEqualTo(200);
		assertThat(byToken.json().get(0).path("service_request_id").asString()).isEqualTo(id);

		// an anonymous reader of the district sees the public request without its description or reporter
		Response anonymous = get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + A);
		assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(200);
		assertThat(anonymous.body()).doesNotContain("电梯停在两层之间").doesNotContain("13800002222");
	}

	@Test
	void errorsAreSpecDocumentsWithTheSpecsStatusCodes() {
		// no api_key at all on a write: the gateway answers, 403
		Map<String, String> form = new LinkedHashMap<>();
		form.put("jurisdiction_id", A);
		form.put("service_code", "env-garbage");
		form.put("lat", Double.toString(lat));
		form.put("long", Double.toString(lng));
		assertSpecError(postForm("/open311/v2/requests.json", form), 403, "json");
		assertSpecError(postForm("/open311/v2/requests.xml", form), 403, "xml");

		// a key that does not exist: 403 as well
		Map<String, String> wrongKey = new LinkedHashMap<>(form);
		wrongKey.put("api_key", "gr_nonexist_" + "A".repeat(43));
		assertSpecError(postForm("/open311/v2/requests.json", wrongKey), 403, "json");

		// another district's code with this district's key: grid-service answers 404
		Map<String, String> otherDistrict = new LinkedHashMap<>(form);
		otherDistrict.put("api_key", apiKey);
		otherDistrict.put("jurisdiction_id", Fixtures.B);
		assertSpecError(postForm("/open311/v2/requests.json", otherDistrict), 404, "json");
		assertSpecError(get("/open311/v2/services.xml?api_key=" + apiKey + "&jurisdiction_id=" + Fixtures.B), 404,
				"xml");
		// an unknown district without a key: the gateway answers 404
		assertSpecError(get("/open311/v2/services.json?jurisdiction_id=999999"), 404, "json");

		// bad coordinates: not a number, out of range, only one of the pair
		for (Map<String, String> bad : List.of(with(form, "lat", "north"), with(form, "lat", "95.0"),
				with(with(form, "long", null), "address_string", null))) {
			bad.put("api_key", apiKey);
			Response reply = postForm("/open311/v2/requests.json", bad);
			assertSpecError(reply, 400, "json");
		}
		Map<String, String> swapped = with(with(form, "lat", Double.toString(lng)), "long", Double.toString(lat));
		swapped.put("api_key", apiKey);
		assertSpecError(postForm("/open311/v2/requests.xml", swapped), 400, "xml");

		// a missing service_code and an unknown request id
		Map<String, String> noService = with(form, "service_code", null);
		noService.put("api_key", apiKey);
		assertSpecError(postForm("/open311/v2/requests.json", noService), 400, "json");
		assertSpecError(get("/open311/v2/requests/MQ19990101-999999.json?api_key=" + apiKey), 404, "json");
	}

	// ---- a spec-only client -------------------------------------------------------------------------------

	private static void assertSpecError(Response reply, int status, String format) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(status);
		if (format.equals("xml")) {
			assertThat(reply.contentType()).as("%s", reply).startsWith("text/xml");
			Document document = reply.xml();
			assertThat(document.getDocumentElement().getNodeName()).isEqualTo("errors");
			assertThat(texts(document, "code")).containsExactly(Integer.toString(status));
			assertThat(texts(document, "description").get(0)).isNotBlank();
		}
		else {
			assertThat(reply.contentType()).as("%s", reply).startsWith("application/json");
			JsonNode errors = reply.json();
			assertThat(errors.isArray()).as("%s", reply).isTrue();
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).path("code").asInt()).isEqualTo(status);
			assertThat(errors.get(0).path("description").asString()).isNotBlank();
		}
	}

	private static Map<String, String> with(Map<String, String> form, String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(form);
		if (value == null) {
			copy.remove(name);
		}
		else {
			copy.put(name, value);
		}
		return copy;
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode item : array) {
			if (value.equals(item.path(field).asString())) {
				return item;
			}
		}
		throw new AssertionError(value + " not in " + array);
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> out = new ArrayList<>();
		array.forEach(item -> out.add(item.path(field).asString()));
		return out;
	}

	private static List<String> texts(Document document, String element) {
		List<String> out = new ArrayList<>();
		var nodes = document.getElementsByTagName(element);
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add(nodes.item(i).getTextContent());
		}
		return out;
	}

	private Response get(String path) {
		return send(HttpRequest.newBuilder(platform.gatewayUrl().resolve(path)).GET());
	}

	private Response postForm(String path, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return send(HttpRequest.newBuilder(platform.gatewayUrl().resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.uri());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response as a spec client reads it. */
	private record Response(int status, String contentType, String body, URI uri) {

		JsonNode json() {
			return Gateway.JSON.readTree(body);
		}

		Document xml() {
			try {
				return DocumentBuilderFactory.newInstance()
					.newDocumentBuilder()
					.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
			}
			catch (Exception ex) {
				throw new AssertionError("not XML: " + this, ex);
			}
		}

		@Override
		public String toString() {
			return status + " " + contentType + " " + uri.getPath() + " " + body;
		}

	}

}
