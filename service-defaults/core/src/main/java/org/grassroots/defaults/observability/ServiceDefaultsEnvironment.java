package org.grassroots.defaults.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Operational defaults every service shares, at the lowest precedence so a service's {@code application.yml},
 * environment variables and Kubernetes ConfigMaps override any of them.
 */
public class ServiceDefaultsEnvironment implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "grassrootsServiceDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> d = new LinkedHashMap<>();
		// graceful shutdown: finish in-flight requests, inside Kubernetes' grace period
		d.put("server.shutdown", "graceful");
		d.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
		// bounded pools and queues
		d.put("server.tomcat.threads.max", "100");
		d.put("server.tomcat.accept-count", "100");
		d.put("server.tomcat.connection-timeout", "10s");
		// an idle keep-alive connection is closed by the caller first: the gateway's HTTP client drops connections idle
		// for 30 s; had the service closed them at 10 s (Tomcat's default: the connection timeout), a request sent on
		// one the moment it closed failed with "connection prematurely closed" (seen in bench/grid intake), and a POST
		// is not retried
		d.put("server.tomcat.keep-alive-timeout", "65s");
		d.put("server.tomcat.max-swallow-size", "1MB");
		d.put("spring.datasource.hikari.maximum-pool-size", "10");
		d.put("spring.datasource.hikari.connection-timeout", "3000");
		d.put("spring.datasource.hikari.validation-timeout", "1000");
		d.put("spring.data.redis.timeout", "2s");
		d.put("spring.data.redis.connect-timeout", "2s");
		d.put("spring.task.scheduling.pool.size", "2");
		// health groups for Kubernetes probes: readiness needs the database and Redis, liveness only the JVM
		d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		d.put("management.endpoint.health.probes.enabled", "true");
		d.put("management.endpoint.health.group.liveness.include", "livenessState");
		d.put("management.endpoint.health.group.readiness.include", "readinessState,db,redis");
		d.put("management.endpoint.health.show-details", "never");
		// tracing: W3C trace context, a sample of traces; every log line carries trace and tenant
		d.put("management.tracing.sampling.probability", "0.1");
		d.put("management.tracing.propagation.type", "w3c");
		d.put("logging.structured.format.console", "ecs");
		// metrics are scraped from /actuator/prometheus; pushing them over OTLP is opt-in (no collector by default)
		d.put("management.otlp.metrics.export.enabled", "false");
		// Feign: explicit timeouts, a circuit breaker per client on the calling thread (the token relay reads a
		// thread-local), metrics
		d.put("spring.cloud.openfeign.client.config.default.connect-timeout", "1000");
		d.put("spring.cloud.openfeign.client.config.default.read-timeout", "3000");
		d.put("spring.cloud.openfeign.client.config.default.logger-level", "none");
		d.put("spring.cloud.openfeign.circuitbreaker.enabled", "true");
		d.put("spring.cloud.openfeign.micrometer.enabled", "true");
		d.put("spring.cloud.circuitbreaker.resilience4j.disable-thread-pool", "true");
		d.put("spring.cloud.circuitbreaker.resilience4j.disable-time-limiter", "true");
		d.put("resilience4j.circuitbreaker.configs.default.sliding-window-size", "20");
		d.put("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", "10");
		d.put("resilience4j.circuitbreaker.configs.default.failure-rate-threshold", "50");
		d.put("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", "10s");
		d.put("resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state", "3");
		// errors: problem details, never the whitelabel page or stack traces
		d.put("spring.mvc.problemdetails.enabled", "false");
		d.put("server.error.include-stacktrace", "never");
		d.put("server.error.include-message", "never");
		d.put("server.error.whitelabel.enabled", "false");
		d.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
		// OpenAPI from springdoc
		d.put("springdoc.api-docs.version", "openapi_3_1");
		d.put("springdoc.writer-with-order-by-keys", "true");
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, d));
	}
}
