package org.grassroots.volunteer;

import org.grassroots.testsupport.ServiceSmokeTests;
import org.grassroots.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerServiceSmokeTest extends ServiceSmokeTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "volunteer");
	}

	@Override
	protected String databaseName() {
		return "volunteer";
	}

	@Override
	protected String applicationName() {
		return "volunteer-service";
	}

	@Override
	protected String protectedPath() {
		return "/api/v1/volunteers";
	}
}
