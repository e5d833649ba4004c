package org.grassroots.center.rooms;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update of a room; absent fields stay. Existing bookings are not affected. */
public record RoomChange(@Pattern(regexp = ".*\\S.*") @Size(max = 50) String name, @Min(1) @Max(10000) Integer capacity,
		@Size(max = 30) List<@NotBlank @Size(max = 30) String> facilities, Boolean requiresApproval, Boolean bookable,
		@Min(15) @Max(1440) Integer maxDurationMinutes, @Min(1) @Max(366) Integer maxAdvanceDays,
		Room.RoomStatus status) {
}
