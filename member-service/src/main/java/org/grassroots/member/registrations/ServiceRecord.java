package org.grassroots.member.registrations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One service a registered member did for the community. */
public record ServiceRecord(UUID id, UUID registrationId, LocalDate servedOn, int minutes, String description,
		String recordedBy, OffsetDateTime recordedAt) {
}
