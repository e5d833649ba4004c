package org.grassroots.defaults.feign;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.grassroots.defaults.testapp.DefaultsTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.test.util.ReflectionTestUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Feign defaults against a WireMock provider: token relay, timeouts, read-only retries, fallbacks, the breaker. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeignDefaultsTest extends DefaultsTestBase {

	static final String TOKEN = TestTokens.person("441702", "worker-1", "441702", "GRID_WORKER");

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	FeignClientFactory clients;

	@Test
	@Order(0) // first in the class, and no other test class calls this client: nothing has used it yet
	void everyClientsConvertersAreBuiltBeforeTheFirstRequest() {
		// OpenFeign fills this list lazily and unsynchronized on first use; built at start, no request can see it half-made
		List<?> converters = (List<?>) ReflectionTestUtils
			.getField(clients.getInstance("echo", FeignHttpMessageConverters.class), "converters");
		assertThat(converters).isNotEmpty();
	}

	@BeforeEach
	void closeBreaker() {
		breakers.circuitBreaker("echo").reset();
	}

	@Test
	void relaysTheCallersInternalToken() {
		PROVIDER.stubFor(get("/things/a").willReturn(okJson("[{\"id\":\"a\",\"name\":\"井盖\"}]")));
		Response response = http.get("/api/v1/test/remote/a").bearer(TOKEN).send();
		assertThat(response.status()).isEqualTo(200);
		assertThat((String) response.json("$[0].name")).isEqualTo("井盖");
		PROVIDER.verify(getRequestedFor(urlEqualTo("/things/a")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void aSlowReadIsRetriedOnceThenDegradesToAnEmptyAnswer() {
		PROVIDER.stubFor(get("/things/slow").willReturn(okJson("[]").withFixedDelay(4_000)));
		long start = System.nanoTime();
		Response response = http.get("/api/v1/test/remote/slow").bearer(TOKEN).send();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("[]");
		assertThat(millis).as("two attempts of the 1 s read timeout, not the 4 s delay").isLessThan(3_500);
		PROVIDER.verify(2, getRequestedFor(urlEqualTo("/things/slow")));
	}

	@Test
	void aFailedWriteIsNotRetriedAndIsAClear503() {
		PROVIDER.stubFor(post("/things").willReturn(aResponse().withStatus(500)));
		Response response = http.post("/api/v1/test/remote").bearer(TOKEN).json("{\"id\":\"b\",\"name\":\"x\"}").send();
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.isProblem()).isTrue();
		assertThat((String) response.json("$.code")).isEqualTo("downstream-unavailable");
		assertThat((String) response.json("$.detail")).contains("echo");
		assertThat(response.header("Retry-After")).isNotNull();
		PROVIDER.verify(1, postRequestedFor(urlEqualTo("/things")));
	}

	@Test
	void theBreakerOpensAfterRepeatedFailuresAndStopsCallingTheProvider() {
		PROVIDER.stubFor(get("/things/down").willReturn(aResponse().withStatus(503)));
		for (int i = 0; i < 4; i++) {
			http.get("/api/v1/test/remote/down").bearer(TOKEN).send();
		}
		assertThat(breakers.circuitBreaker("echo").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		PROVIDER.resetRequests();
		Response shortCircuited = http.get("/api/v1/test/remote/down").bearer(TOKEN).send();
		assertThat(shortCircuited.status()).isEqualTo(200);
		assertThat(shortCircuited.body()).isEqualTo("[]");
		PROVIDER.verify(0, getRequestedFor(urlEqualTo("/things/down")));
	}
}
