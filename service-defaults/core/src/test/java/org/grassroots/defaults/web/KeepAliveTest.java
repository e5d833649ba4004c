package org.grassroots.defaults.web;

import java.time.Duration;

import org.grassroots.defaults.testapp.DefaultsTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' Tomcat keeps an idle keep-alive connection longer than the gateway's HTTP client keeps it in its pool
 * (gateway application.yml: {@code httpclient.pool.max-idle-time: 30s}), so the gateway always closes first and never
 * sends a request on a connection the service is closing.
 */
class KeepAliveTest extends DefaultsTestBase {

	private static final Duration GATEWAY_POOL_MAX_IDLE = Duration.ofSeconds(30);

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void anIdleConnectionOutlivesTheGatewaysPoolIdleTime() {
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		Object keepAlive = server.getTomcat().getConnector().getProperty("keepAliveTimeout");
		assertThat(Duration.ofMillis(((Number) keepAlive).longValue()))
			.isGreaterThan(GATEWAY_POOL_MAX_IDLE.plusSeconds(15));
		// a request still answers as before
		assertThat(http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
	}
}
