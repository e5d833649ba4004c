package org.grassroots.member.households;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Households to link (grid-service ids). */
public record HouseholdLinks(@NotEmpty @Size(max = 50) List<@jakarta.validation.constraints.NotNull UUID> householdIds) {
}
