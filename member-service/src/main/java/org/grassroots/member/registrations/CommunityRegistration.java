package org.grassroots.member.registrations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An in-service member's registration at their residential community (双报到), with a summary of their service
 * there.
 */
public record CommunityRegistration(UUID id, UUID memberId, String memberName, String organizationName,
		String workplace, String community, String status, String note, String registeredBy,
		OffsetDateTime registeredAt, OffsetDateTime endedAt, int serviceCount, int serviceMinutes,
		LocalDate lastServedOn, long version) {
}
