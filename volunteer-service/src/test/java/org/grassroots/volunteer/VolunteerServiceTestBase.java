package org.grassroots.volunteer;

import org.grassroots.testsupport.TestHttp;
import org.grassroots.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One Spring context for every integration test of the service, on real PostgreSQL and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class VolunteerServiceTestBase {

	@LocalServerPort
	private int port;

	protected TestHttp http;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "volunteer");
	}

	@BeforeEach
	void client() {
		http = new TestHttp("http://localhost:" + port);
	}
}
