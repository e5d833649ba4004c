package org.grassroots.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker every route has (one per service, named after it).
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindowSize calls considered
 * @param minimumNumberOfCalls calls needed before the rate counts
 * @param waitInOpenState how long an open circuit refuses calls before probing
 * @param permittedCallsInHalfOpenState probe calls
 */
@ConfigurationProperties("grassroots.gateway.circuit-breaker")
public record CircuitBreakerProperties(@DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
		@DefaultValue("10s") Duration waitInOpenState, @DefaultValue("3") int permittedCallsInHalfOpenState) {

}
