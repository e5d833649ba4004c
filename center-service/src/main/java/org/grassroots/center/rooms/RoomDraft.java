package org.grassroots.center.rooms;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new room. Defaults: bookable, no approval, at most 240 minutes, at most 60 days ahead. */
public record RoomDraft(@NotNull UUID centerId, @NotBlank @Size(max = 50) String name,
		@NotNull @Min(1) @Max(10000) Integer capacity, @Size(max = 30) List<@NotBlank @Size(max = 30) String> facilities,
		Boolean requiresApproval, Boolean bookable, @Min(15) @Max(1440) Integer maxDurationMinutes,
		@Min(1) @Max(366) Integer maxAdvanceDays) {
}
