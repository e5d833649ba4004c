package org.grassroots.gateway.routing;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards a failed call: answers 503 naming the service and why (open circuit,
 * timeout, unreachable). A problem the gateway raised itself on the way (e.g. 413 while streaming the body)
 * keeps its own status.
 */
@RestController
@Hidden
class ServiceFallbackController {

	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause == null) {
			// only reachable as a circuit breaker's forward, not as an endpoint of its own
			return Mono.error(ProblemException.of(ProblemType.NOT_FOUND));
		}
		return Mono.error(problemFor(service, cause));
	}

	static ProblemException problemFor(String service, Throwable cause) {
		if (cause instanceof ProblemException problem) {
			return problem;
		}
		if (cause instanceof CallNotPermittedException) {
			return ProblemException.of(ProblemType.SERVICE_UNAVAILABLE, "service-unavailable.detail.open", service);
		}
		if (cause instanceof TimeoutException || (cause instanceof ResponseStatusException status
				&& status.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(504)))) {
			return ProblemException.of(ProblemType.SERVICE_UNAVAILABLE, "service-unavailable.detail.timeout", service);
		}
		return ProblemException.of(ProblemType.SERVICE_UNAVAILABLE, "service-unavailable.detail.unreachable", service);
	}

}
