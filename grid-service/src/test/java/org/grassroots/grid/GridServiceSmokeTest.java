package org.grassroots.grid;

import org.grassroots.testsupport.ServiceSmokeTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = GridTestInfrastructure.class)
class GridServiceSmokeTest extends ServiceSmokeTests {

	@Override
	protected String databaseName() {
		return "grid";
	}

	@Override
	protected String applicationName() {
		return "grid-service";
	}

	@Override
	protected String protectedPath() {
		return "/api/v1/grids";
	}
}
