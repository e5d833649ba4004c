package org.grassroots.defaults.testapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.grassroots.testsupport.TestHttp;
import org.grassroots.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DefaultsTestBase {

	protected static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		PROVIDER.start();
		Runtime.getRuntime().addShutdownHook(new Thread(PROVIDER::stop));
	}

	@LocalServerPort
	private int port;

	protected TestHttp http;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "defaults_test");
		registry.add("grassroots.clients.echo.url", PROVIDER::baseUrl);
	}

	@BeforeEach
	void client() {
		http = new TestHttp("http://localhost:" + port);
		PROVIDER.resetAll();
	}
}
