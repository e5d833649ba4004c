package org.grassroots.grid.clients.member;

import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which central household serves a household, with the three honest answers: found, none, or unknown for now
 * because member-service is unavailable (the case proceeds and the link is filled in later).
 */
@Component
public class CentralHouseholds {

	private static final Logger log = LoggerFactory.getLogger(CentralHouseholds.class);

	/** The outcome of a lookup. */
	public enum Outcome {
		FOUND, NONE, UNAVAILABLE
	}

	/** @param link set when {@code FOUND} */
	public record Lookup(Outcome outcome, CentralHouseholdLink link) {
	}

	private final MemberClient client;

	private final MeterRegistry meters;

	CentralHouseholds(MemberClient client, MeterRegistry meters) {
		this.client = client;
		this.meters = meters;
	}

	/** Call outside any database transaction: it is a remote call with its own timeouts. */
	public Lookup forHousehold(UUID householdId) {
		try {
			Optional<CentralHouseholdLink> link = client.centralHouseholdFor(householdId);
			if (link.isPresent() && link.get().centralHouseholdId() != null) {
				meters.counter("grassroots.grid.helper_lookups", "outcome", "found").increment();
				return new Lookup(Outcome.FOUND, link.get());
			}
			meters.counter("grassroots.grid.helper_lookups", "outcome", "none").increment();
			return new Lookup(Outcome.NONE, null);
		}
		catch (RuntimeException ex) {
			meters.counter("grassroots.grid.helper_lookups", "outcome", "unavailable").increment();
			log.warn("Central household of household {} not known now (member-service unavailable: {}); "
					+ "the case proceeds and the link is filled in later", householdId, ex.getMessage());
			return new Lookup(Outcome.UNAVAILABLE, null);
		}
	}
}
