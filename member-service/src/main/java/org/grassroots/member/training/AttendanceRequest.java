package org.grassroots.member.training;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Members who attended; recording the same member twice changes nothing. */
public record AttendanceRequest(@NotEmpty @Size(max = 200) List<@NotNull UUID> memberIds) {
}
