package org.grassroots.center.activities;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of activities. */
public final class ActivityRequests {

	private ActivityRequests() {
	}

	/** A new activity; {@code place} defaults to the room's or the center's name. */
	public record Draft(@NotNull UUID centerId, UUID roomId, @NotNull Activity.Category category,
			@NotBlank @Size(max = 100) String title, @Size(max = 2000) String description, @Size(max = 100) String place,
			@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, OffsetDateTime signupDeadline,
			@NotNull @Min(1) @Max(100000) Integer capacity) {
	}

	/** A partial update; capacity may not drop below the confirmed participants. */
	public record Change(@Pattern(regexp = ".*\\S.*") @Size(max = 100) String title, @Size(max = 2000) String description,
			@Min(1) @Max(100000) Integer capacity, OffsetDateTime signupDeadline) {
	}

	/**
	 * Signing up. People sign up themselves; staff of the center may sign up someone else (a walk-in or a resident
	 * by their subject) with {@code participantSubject}.
	 */
	public record SignupRequest(@Size(max = 50) String participantName, @Size(max = 200) String participantSubject) {
	}

	public record CheckIn(@NotBlank @Size(max = 100) String token) {
	}

	public record Cancel(@Size(max = 500) String reason) {
	}
}
