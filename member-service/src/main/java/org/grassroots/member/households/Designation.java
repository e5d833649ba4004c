package org.grassroots.member.households;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Designation of a party member as a central household by a community/village organization, optionally with
 * its first linked households (validated with grid-service).
 */
public record Designation(@NotNull UUID memberId, @NotNull UUID organizationId,
		@NotEmpty @Size(max = 5) List<@NotNull CentralHouseholdRole> roles, @Size(max = 50) String plaqueNo,
		LocalDate designatedOn, @Size(max = 50) List<@NotNull UUID> householdIds) {
}
