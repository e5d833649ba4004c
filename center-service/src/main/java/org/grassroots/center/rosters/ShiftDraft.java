package org.grassroots.center.rosters;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A shift to put on the roster. {@code staffSubject} is the person's subject (as in their token), {@code dutyRole}
 * e.g. 值班长 / 值班员 / 志愿者.
 */
public record ShiftDraft(@NotNull UUID centerId, @NotBlank @Size(max = 200) String staffSubject,
		@NotBlank @Size(max = 50) String staffName, @NotBlank @Size(max = 30) String dutyRole,
		@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, @Size(max = 200) String note) {
}
