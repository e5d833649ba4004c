package org.grassroots.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.grassroots.testsupport.RedisServerHandle;
import org.grassroots.testsupport.TestInfrastructure;

import org.grassroots.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs last: it stops the shared Redis (and restarts it). */
@Order(Integer.MAX_VALUE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class RateLimitIntegrationTests extends GatewayIntegrationTest {

	static final String TENANT = "320102";

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	void district() {
		ensureTenant(TENANT, "玄武区");
	}

	@Test
	@Order(1)
	void overTheLimitIs429WithRetryAfter() {
		String key = (String) issueClient(TENANT, Map.of("name", "限流客户端", "rateLimitPerMinute", 3)).get("apiKey");
		for (int i = 0; i < 3; i++) {
			int remaining = 2 - i;
			client().get()
				.uri("/api/v1/cases")
				.header("X-API-Key", key)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Limit", "3")
				.expectHeader()
				.valueEquals("RateLimit-Remaining", Integer.toString(remaining));
		}
		client().get()
			.uri("/api/v1/cases")
			.header("X-API-Key", key)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 20L))
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "0")
			.expectBody()
			.jsonPath("$.code").isEqualTo("rate-limited");
		// buckets are per route: the same client still reaches another service
		client().get().uri("/api/v1/centers").header("X-API-Key", key).exchange().expectStatus().isOk();
	}

	@Test
	@Order(2)
	void withRedisDownTheLocalLimiterStillLimits(CapturedOutput output) {
		RedisServerHandle redis = TestInfrastructure.redis();
		assumeTrue(redis.isEmbedded(), "needs the embedded Redis to stop it");
		String key = (String) issueClient(TENANT, Map.of("name", "Redis 故障时", "rateLimitPerMinute", 3)).get("apiKey");
		double fallbackBefore = meters.counter("gateway.ratelimit.fallback").count();
		redis.stop();
		try {
			for (int i = 0; i < 3; i++) {
				client().get().uri("/api/v1/cases").header("X-API-Key", key).exchange().expectStatus().isOk();
			}
			client().get()
				.uri("/api/v1/cases")
				.header("X-API-Key", key)
				.exchange()
				.expectStatus()
				.isEqualTo(429)
				.expectHeader()
				.exists(HttpHeaders.RETRY_AFTER);
			for (int i = 0; i < 5; i++) {
				client().get().uri("/api/v1/cases").header("X-API-Key", key).exchange().expectStatus().isEqualTo(429);
			}
			assertThat(meters.counter("gateway.ratelimit.fallback").count() - fallbackBefore).isGreaterThanOrEqualTo(9);
			assertThat(output.getOut().split("Redis is unavailable for rate limiting", -1)).as("warned once").hasSize(2);
		}
		finally {
			redis.restart();
		}
		// back on Redis: decisions are shared again
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			client().get().uri("/api/v1/centers").header("X-API-Key", key).exchange();
			assertThat(meters.get("gateway.ratelimit.redis.down").gauge().value()).isZero();
		});
	}

}
