package org.grassroots.member.clients.grid;

import java.util.Optional;
import java.util.UUID;

import feign.FeignException;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.problem.DownstreamUnavailableException;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * There is no honest degraded answer to "does this household exist?": when grid-service is down, slow or its
 * breaker is open, validation fails with a 503 that names it, and nothing is linked. grid-service refusing the
 * caller is a 403; any other refusal means our request or the contract is wrong, a 502.
 */
@Component
class GridClientFallback implements FallbackFactory<GridClient> {

	static final String SERVICE = "grid-service";

	@Override
	public GridClient create(Throwable cause) {
		RuntimeException failure = translate(cause);
		return new GridClient() {
			@Override
			public Optional<GridHousehold> household(UUID id) {
				throw failure;
			}

			@Override
			public HouseholdLookupResult lookup(HouseholdLookup request) {
				throw failure;
			}
		};
	}

	static RuntimeException translate(Throwable cause) {
		if (cause instanceof FeignException.Unauthorized || cause instanceof FeignException.Forbidden) {
			return new DomainProblem(HttpStatus.FORBIDDEN, "household-validation-forbidden");
		}
		if (cause instanceof FeignException.FeignClientException) {
			return new DomainProblem(HttpStatus.BAD_GATEWAY, "household-validation-rejected",
					((FeignException) cause).status());
		}
		return new DownstreamUnavailableException(SERVICE, cause);
	}
}
