package org.grassroots.center.bookings;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A room booking over {@code [startsAt, endsAt)}. While PENDING or CONFIRMED it holds its slot: the database
 * refuses any overlapping pending or confirmed booking of the same room.
 */
public record Booking(UUID id, UUID roomId, UUID centerId, OffsetDateTime startsAt, OffsetDateTime endsAt,
		BookingStatus status, String bookerSubject, BookerType bookerType, String organizationName, String purpose,
		int attendees, UUID activityId, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
		String cancelledBy, OffsetDateTime cancelledAt, String cancelReason, OffsetDateTime createdAt, long version) {

	public enum BookingStatus {
		PENDING, CONFIRMED, REJECTED, CANCELLED
	}

	public enum BookerType {
		RESIDENT, ORGANIZATION, STAFF
	}
}
