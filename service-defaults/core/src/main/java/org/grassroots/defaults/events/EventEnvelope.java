package org.grassroots.defaults.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event as it travels on a stream: CloudEvents attribute names plus the tenant it belongs to.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param source the emitting service, e.g. {@code grid-service}
 * @param type e.g. {@code case.closed}
 * @param subject what it is about, e.g. the case id
 * @param time when the change happened
 * @param tenant the district the event belongs to
 * @param data the payload as JSON text
 */
public record EventEnvelope(UUID id, String source, String type, String subject, OffsetDateTime time, String tenant,
		String data) {
}
