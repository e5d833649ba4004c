package org.grassroots.center.bookings;

import jakarta.validation.constraints.Size;

/** A note with an approval, rejection or cancellation. */
public record BookingDecision(@Size(max = 500) String note) {
}
