package org.grassroots.grid;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires the one Spring context every grid-service test shares (the smoke test included): the JVM's PostgreSQL and
 * Redis, trusted token keys, personal-data keys, and a WireMock member-service. An initializer rather than
 * {@code @DynamicPropertySource} so that classes with different superclasses still share the cached context.
 */
public class GridTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** member-service, stubbed per test. */
	public static final WireMockServer MEMBER = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		MEMBER.start();
		Runtime.getRuntime().addShutdownHook(new Thread(MEMBER::stop));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		DatabaseCredentials db = TestInfrastructure.database("grid");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("spring.datasource.url", db.jdbcUrl());
		p.put("spring.datasource.username", db.appUser());
		p.put("spring.datasource.password", db.appPassword());
		p.put("spring.flyway.url", db.jdbcUrl());
		p.put("spring.flyway.user", db.ownerUser());
		p.put("spring.flyway.password", db.ownerPassword());
		p.put("spring.data.redis.url", TestInfrastructure.redis().url());
		p.put("grassroots.security.internal-token.jwk-set", TestTokens.jwkSetJson());
		p.put("grassroots.privacy.encryption-keys.test-1", TestInfrastructure.PRIVACY_KEY);
		p.put("grassroots.privacy.active-key", "test-1");
		p.put("grassroots.privacy.blind-index-key", TestInfrastructure.BLIND_INDEX_KEY);
		p.put("grassroots.clients.member.url", MEMBER.baseUrl());
		p.put("spring.cloud.openfeign.client.config.member-service.connect-timeout", "1000");
		p.put("spring.cloud.openfeign.client.config.member-service.read-timeout", "2000");
		// the scheduled jobs are driven by the tests themselves
		p.put("grassroots.cases.escalation-interval", "PT1H");
		p.put("grassroots.grids.index-sync-interval", "PT1H");
		p.put("grassroots.events.relay-interval", "PT0.2S");
		p.put("spring.datasource.hikari.maximum-pool-size", "20");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("grid-test", p));
	}
}
