package org.grassroots.center.bookings;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request for a room over {@code [startsAt, endsAt)} (ISO-8601 with offset). {@code bookerType} defaults to STAFF
 * for staff of the center's region and RESIDENT otherwise; ORGANIZATION needs {@code organizationName}.
 */
public record BookingRequest(@NotNull UUID roomId, @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt,
		@NotBlank @Size(max = 200) String purpose, @Min(1) @Max(10000) Integer attendees, Booking.BookerType bookerType,
		@Size(max = 100) String organizationName) {
}
