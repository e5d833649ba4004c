package org.grassroots.member;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.grassroots.testsupport.TestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires the one Spring context every test class of member-service shares: real PostgreSQL and Redis of this JVM
 * (service-defaults' test support) and a WireMock standing in for grid-service. An initializer rather than a
 * {@code @DynamicPropertySource}, so the smoke test (which extends the shared smoke tests) and the feature tests
 * have the same context configuration and Spring starts the application once.
 */
public class MemberTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final WireMockServer GRID = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		GRID.start();
		Runtime.getRuntime().addShutdownHook(new Thread(GRID::stop, "wiremock-stop"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new LinkedHashMap<>();
		TestInfrastructure.register((name, value) -> properties.put(name, value.get()), "member");
		properties.put("grassroots.clients.grid.url", GRID.baseUrl());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("member-test", properties));
	}
}
