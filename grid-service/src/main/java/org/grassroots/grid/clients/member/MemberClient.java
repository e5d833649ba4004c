package org.grassroots.grid.clients.member;

import java.util.Optional;
import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * member-service, as grid-service calls it: the caller's internal token is relayed, timeouts and the circuit
 * breaker are those of the client named {@code member-service}; a 404 is an empty answer ({@code dismiss404}),
 * any failure goes to {@link MemberClientFallback}.
 */
@FeignClient(name = "member-service", url = "${grassroots.clients.member.url}",
		fallbackFactory = MemberClientFallback.class)
public interface MemberClient {

	/** The central household that links a household, if any. */
	@GetMapping("/api/v1/central-households/for-household/{householdId}")
	Optional<CentralHouseholdLink> centralHouseholdFor(@PathVariable("householdId") UUID householdId);
}
