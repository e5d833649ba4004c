package org.grassroots.center;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.grassroots.testsupport.TestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wires every test of this module to the same real PostgreSQL, Redis and a WireMock standing in for grid-service,
 * as an initializer: the smoke test (which extends the shared {@code ServiceSmokeTests}) and the API tests then
 * share one Spring context.
 */
public class CenterTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** grid-service, stubbed; started once per JVM. */
	public static final WireMockServer GRID = start();

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Supplier<Object>> suppliers = new LinkedHashMap<>();
		DynamicPropertyRegistry registry = suppliers::put;
		TestInfrastructure.register(registry, "center");
		Map<String, Object> values = new LinkedHashMap<>();
		suppliers.forEach((k, v) -> values.put(k, v.get()));
		values.put("grassroots.clients.grid.url", GRID.baseUrl());
		// long, so that only the Redis invalidation can make this replica see another replica's change quickly (the
		// version check is tested with a second index instance)
		values.put("grassroots.center.map.index-max-staleness", "PT1H");
		// the breaker must not stay open between test classes: the down case resets it, but keep it tolerant
		values.put("resilience4j.circuitbreaker.instances.grid-service.minimum-number-of-calls", "50");
		values.put("spring.cloud.openfeign.client.config.grid-service.read-timeout", "1500");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("center-test", values));
	}
}
