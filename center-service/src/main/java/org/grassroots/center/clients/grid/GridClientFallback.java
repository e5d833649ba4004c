package org.grassroots.center.clients.grid;

import feign.FeignException;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.problem.DownstreamUnavailableException;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * There is no honest coverage figure without the compounds: when grid-service is down, slow, failing or its
 * breaker is open, the analysis answers 503 {@code downstream-unavailable} naming grid-service. grid-service
 * refusing the caller is a 403; any other refusal means our request or the contract is wrong: a 502.
 */
@Component
class GridClientFallback implements FallbackFactory<GridClient> {

	static final String SERVICE = "grid-service";

	@Override
	public GridClient create(Throwable cause) {
		RuntimeException failure = translate(cause);
		return (region, limit, cursor) -> {
			throw failure;
		};
	}

	static RuntimeException translate(Throwable cause) {
		if (cause instanceof FeignException.Unauthorized || cause instanceof FeignException.Forbidden) {
			return new DomainProblem(HttpStatus.FORBIDDEN, "coverage-grid-forbidden");
		}
		if (cause instanceof FeignException.FeignClientException client) {
			return new DomainProblem(HttpStatus.BAD_GATEWAY, "coverage-grid-rejected", client.status());
		}
		return new DownstreamUnavailableException(SERVICE, cause);
	}
}
