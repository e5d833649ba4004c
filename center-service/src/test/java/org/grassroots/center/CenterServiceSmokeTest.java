package org.grassroots.center;

import java.time.Duration;

import org.grassroots.testsupport.ServiceSmokeTests;
import org.grassroots.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CenterTestInfrastructure.class)
class CenterServiceSmokeTest extends ServiceSmokeTests {

	@LocalServerPort
	private int port;

	/**
	 * springdoc builds the document on first request and caches it; on a machine shared by several builds that
	 * first build may take longer than the shared test's 30 s client timeout, so build it here first.
	 */
	@BeforeEach
	void warmUpApiDocs() {
		TestHttp.Response docs = new TestHttp("http://localhost:" + port).get("/v3/api-docs")
			.timeout(Duration.ofMinutes(3))
			.send();
		assertThat(docs.status()).isEqualTo(200);
	}

	@Test
	void apiDocsListTheCenterEndpoints() {
		String docs = new TestHttp("http://localhost:" + port).get("/v3/api-docs").send().body();
		assertThat(docs).contains("/api/v1/centers", "/api/v1/bookings", "/api/v1/star-evaluations",
				"/api/v1/upgrade-tasks", "/api/v1/rosters", "/api/v1/rooms", "/api/v1/activities",
				"/api/v1/service-catalog", "/api/v1/coverage", "/api/v1/public/{tenant}/map/nearest",
				"/api/v1/public/{tenant}/centers/{id}");
	}

	@Override
	protected String databaseName() {
		return "center";
	}

	@Override
	protected String applicationName() {
		return "center-service";
	}

	@Override
	protected String protectedPath() {
		return "/api/v1/centers";
	}
}
