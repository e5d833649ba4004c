package org.grassroots.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;

import org.grassroots.gateway.GatewayIntegrationTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@Order(4)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIntegrationTests extends GatewayIntegrationTest {

	static final String TENANT = "440103";

	String token;

	@BeforeAll
	void district() {
		ensureTenant(TENANT, "荔湾区");
		token = personToken("staff-7", TENANT, TENANT, "STREET_STAFF");
		PROJECT.stubFor(get(urlPathEqualTo("/api/v1/proposals/slow"))
			.willReturn(aResponse().withFixedDelay(3000).withStatus(200).withBody("{}")));
		SERVICES.stubFor(get(urlPathEqualTo("/v3/api-docs"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"center\",\"version\":\"v1\"},"
						+ "\"servers\":[{\"url\":\"http://center-service:8080\"}],\"paths\":{\"/api/v1/centers\":{}}}")));
	}

	@Test
	@Order(0)
	void fortyConcurrentCallsToOneServiceAllGetThrough() throws Exception {
		// Resilience4j's default bulkhead would admit 25 and answer the rest 503 (and count them against the breaker)
		awaitProjectHealthy();
		PROJECT.stubFor(get(urlPathEqualTo("/api/v1/contests/busy"))
			.willReturn(aResponse().withFixedDelay(400).withStatus(200).withBody("{}")));
		ExecutorService callers = Executors.newFixedThreadPool(40);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				statuses.add(callers.submit(() -> client().get()
					.uri("/api/v1/contests/busy")
					.headers(h -> h.setBearerAuth(token))
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	@Order(1)
	void slowServiceAnswers503WithinTheResponseTimeout() {
		awaitProjectHealthy();
		long started = System.nanoTime();
		client().get()
			.uri("/api/v1/proposals/slow")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("service-unavailable")
			.jsonPath("$.detail").isEqualTo("后端服务 project 响应超时，请稍后重试。");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
	}

	@Test
	@Order(2)
	void stoppedServiceAnswers503AndRecoversWhenItReturns() {
		awaitProjectHealthy();
		PROJECT.stop();
		try {
			long started = System.nanoTime();
			client().get()
				.uri("/api/v1/contests/1")
				.headers(h -> {
					h.setBearerAuth(token);
					h.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
				})
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code").isEqualTo("service-unavailable")
				.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("project"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			// enough failures open the circuit: calls are then refused without trying the service (earlier
			// successes in the sliding window decide how many failures that takes, so call until it opens)
			String openDetail = "后端服务 project 暂时不可用（熔断中），请稍后重试。";
			String detail = null;
			for (int i = 0; i < 20 && !openDetail.equals(detail); i++) {
				detail = client().get()
					.uri("/api/v1/contests/1")
					.headers(h -> h.setBearerAuth(token))
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectBody(String.class)
					.returnResult()
					.getResponseBody();
				detail = com.jayway.jsonpath.JsonPath.read(detail, "$.detail");
			}
			assertThat(detail).isEqualTo(openDetail);
			// other services are unaffected
			client().get().uri("/api/v1/centers").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		}
		finally {
			PROJECT.start();
		}
		awaitProjectHealthy();
	}

	@Test
	void bodiesOverTheLimitAre413() {
		byte[] large = new byte[80 * 1024];
		java.util.Arrays.fill(large, (byte) 'a');
		client().post()
			.uri("/api/v1/cases")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(large)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("payload-too-large");

		// no Content-Length: counted while streaming
		Flux<DataBuffer> chunks = Flux.range(0, 40)
			.map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[4096]));
		client().post()
			.uri("/api/v1/cases")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413);

		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(("{\"code\":\"440104\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void unknownPathsAre404Problems() {
		client().get()
			.uri("/api/v1/nothing-here")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("not-found");
		// the gateway's actuator is not reachable under /api
		client().get()
			.uri("/api/v1/actuator/health")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound();
		client().get().uri("/fallback/center").exchange().expectStatus().isNotFound();
	}

	@Test
	void operationsEndpoints() {
		client().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		client().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("gateway_ratelimit_fallback_total")
				.contains("gateway_audit_dropped_total")
				.contains("spring_cloud_gateway_requests")
				// low cardinality: no raw request paths as tag values
				.doesNotContain("/api/v1/contests/1")
				.doesNotContain("/api/v1/contests/ping"));
	}

	@Test
	void apiDocumentsOfTheGatewayAndEveryServiceAreServed() {
		client().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.isEqualTo(List.of("gateway", "center", "grid", "member", "project", "volunteer"));
		client().get()
			.uri("/v3/api-docs/gateway")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("/api/v1/platform/tenants")
				.contains("/api/v1/platform/clients/{id}/revoke")
				.contains("/internal-token/jwks.json")
				.doesNotContain("/fallback")
				.doesNotContain("\"name\":\"caller\""));
		client().get()
			.uri("/v3/api-docs/center")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title").isEqualTo("center")
			.jsonPath("$.servers[0].url").isEqualTo("/")
			.jsonPath("$.paths['/api/v1/centers']").exists();
	}

	@Test
	void browsersFromConfiguredOriginsOnly() {
		client().options()
			.uri("/api/v1/centers")
			.header(HttpHeaders.ORIGIN, "https://app.grassroots.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.grassroots.example");
		client().options()
			.uri("/api/v1/centers")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		client().get()
			.uri("/api/v1/centers")
			.headers(h -> {
				h.setBearerAuth(token);
				h.setOrigin("https://app.grassroots.example");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.grassroots.example");
	}

	private void awaitProjectHealthy() {
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> client().get()
			.uri("/api/v1/contests/ping")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk());
	}


}
