package org.grassroots.member.households;

import java.util.List;

import jakarta.validation.constraints.Size;

/** A partial update: roles and plaque number. */
public record CentralHouseholdChange(@Size(min = 1, max = 5) List<CentralHouseholdRole> roles,
		@Size(max = 50) String plaqueNo) {
}
