package org.grassroots.center;

import org.grassroots.testsupport.ServiceSmokeTests;
import org.grassroots.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CenterServiceSmokeTest extends ServiceSmokeTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "center");
	}

	@Override
	protected String databaseName() {
		return "center";
	}

	@Override
	protected String applicationName() {
		return "center-service";
	}
}
