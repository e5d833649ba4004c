package org.grassroots.member.worklogs;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A work-log entry written by the central household or its community's staff (not CASE_HELP: that comes from grid). */
public record NewWorkLog(@NotNull UUID centralHouseholdId, @NotNull WorkKind kind, @NotNull LocalDate occurredOn,
		@NotBlank @Size(max = 1000) String summary, @Size(max = 50) List<@NotNull UUID> householdIds) {
}
