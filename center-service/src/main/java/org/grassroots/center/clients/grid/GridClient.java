package org.grassroots.center.clients.grid;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * grid-service, as center-service uses it: residential compounds and their population for the coverage analysis.
 * The caller's internal token is relayed, so grid-service answers for the caller's district and data scope. Its
 * own timeouts ({@code spring.cloud.openfeign.client.config.grid-service}), one circuit breaker
 * ({@code grid-service}), GET retried once; when it cannot answer, {@link GridClientFallback} makes the analysis
 * fail with a 503 that names grid-service.
 */
@FeignClient(name = "grid-service", url = "${grassroots.clients.grid.url}", fallbackFactory = GridClientFallback.class)
interface GridClient {

	/** At most 100 per page. */
	@GetMapping("/api/v1/compounds")
	GridCompoundPage compounds(@RequestParam("region") String region, @RequestParam("limit") int limit,
			@RequestParam(value = "cursor", required = false) String cursor);
}
