package org.grassroots.member.clients.grid;

import java.util.Optional;
import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * grid-service, as member-service uses it: validating households before they are linked to a central household.
 * The caller's internal token is relayed, so grid-service answers for the caller's district only. One circuit
 * breaker ({@code grid-service}); 404 is an answer (dismissed to empty), not a failure.
 */
@FeignClient(name = "grid-service", url = "${grassroots.clients.grid.url}", fallbackFactory = GridClientFallback.class)
interface GridClient {

	@GetMapping("/api/v1/households/{id}")
	Optional<GridHousehold> household(@PathVariable("id") UUID id);

	@PostMapping("/api/v1/households/lookup")
	HouseholdLookupResult lookup(@RequestBody HouseholdLookup request);
}
