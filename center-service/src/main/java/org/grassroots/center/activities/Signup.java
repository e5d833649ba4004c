package org.grassroots.center.activities;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A participant's sign-up: confirmed, waiting (in {@code queuedAt} order) or cancelled; and the check-in. */
public record Signup(UUID id, UUID activityId, String participantSubject, String participantName, Status status,
		OffsetDateTime queuedAt, OffsetDateTime checkedInAt, String checkedInBy, CheckInMethod checkInMethod,
		OffsetDateTime createdAt, OffsetDateTime cancelledAt) {

	public enum Status {
		CONFIRMED, WAITLISTED, CANCELLED
	}

	public enum CheckInMethod {
		STAFF, QR
	}
}
