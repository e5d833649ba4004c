package org.grassroots.project;

import org.grassroots.testsupport.ServiceSmokeTests;
import org.grassroots.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectServiceSmokeTest extends ServiceSmokeTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "project");
	}

	@Override
	protected String databaseName() {
		return "project";
	}

	@Override
	protected String applicationName() {
		return "project-service";
	}
}
