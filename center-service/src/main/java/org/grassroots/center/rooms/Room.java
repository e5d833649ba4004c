package org.grassroots.center.rooms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A bookable room of a center (活动室, 会议室 …) and its booking rules: bookings last at most
 * {@code maxDurationMinutes}, start at most {@code maxAdvanceDays} ahead, and wait for staff approval when
 * {@code requiresApproval}.
 */
public record Room(UUID id, UUID centerId, String name, int capacity, List<String> facilities,
		boolean requiresApproval, boolean bookable, int maxDurationMinutes, int maxAdvanceDays, RoomStatus status,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	public enum RoomStatus {
		ACTIVE, CLOSED
	}
}
