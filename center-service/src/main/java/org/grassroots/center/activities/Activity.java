package org.grassroots.center.activities;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An activity at a center: category, time, place, capacity. Sign-ups beyond the capacity wait in line and are
 * promoted in order when a confirmed participant cancels or the capacity grows. With a room, the activity holds a
 * confirmed booking of it.
 */
public record Activity(UUID id, UUID centerId, UUID roomId, UUID bookingId, Category category, String title,
		String description, String place, OffsetDateTime startsAt, OffsetDateTime endsAt,
		OffsetDateTime signupDeadline, int capacity, int confirmedCount, int waitlistCount, Status status,
		String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	public enum Category {
		PARTY_EDUCATION, VOLUNTEER_SERVICE, CULTURE_SPORTS, LEGAL_EDUCATION, HEALTH, ELDERLY_CARE, CHILDREN,
		EMPLOYMENT, OTHER
	}

	public enum Status {
		PUBLISHED, CANCELLED
	}
}
