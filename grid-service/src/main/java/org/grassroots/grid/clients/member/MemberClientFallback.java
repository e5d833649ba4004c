package org.grassroots.grid.clients.member;

import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.problem.DownstreamUnavailableException;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * member-service did not answer (down, timed out, 5xx, or its breaker is open). There is no honest empty answer to
 * "which central household links this household" (empty would mean "none"), so the fallback says it is unavailable
 * and {@link CentralHouseholds} turns that into {@code UNAVAILABLE}.
 */
@Component
class MemberClientFallback implements FallbackFactory<MemberClient> {

	@Override
	public MemberClient create(Throwable cause) {
		return new MemberClient() {
			@Override
			public Optional<CentralHouseholdLink> centralHouseholdFor(UUID householdId) {
				throw new DownstreamUnavailableException("member-service", cause);
			}
		};
	}
}
