package org.grassroots.grid;

import org.grassroots.testsupport.ServiceSmokeTests;
import org.grassroots.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GridServiceSmokeTest extends ServiceSmokeTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "grid");
	}

	@Override
	protected String databaseName() {
		return "grid";
	}

	@Override
	protected String applicationName() {
		return "grid-service";
	}
}
