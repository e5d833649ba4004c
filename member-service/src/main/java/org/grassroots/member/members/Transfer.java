package org.grassroots.member.members;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One transfer in a member's history. */
public record Transfer(UUID id, UUID memberId, UUID fromOrganizationId, UUID toOrganizationId, String destination,
		String reason, LocalDate effectiveOn, String transferredBy, OffsetDateTime transferredAt) {
}
