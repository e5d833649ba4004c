package org.grassroots.member;

import org.grassroots.testsupport.ServiceSmokeTests;
import org.grassroots.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberServiceSmokeTest extends ServiceSmokeTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "member");
	}

	@Override
	protected String databaseName() {
		return "member";
	}

	@Override
	protected String applicationName() {
		return "member-service";
	}
}
