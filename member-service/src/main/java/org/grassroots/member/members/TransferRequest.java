package org.grassroots.member.members;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Transfer of the organizational relationship: to an organization of the district ({@code toOrganizationId}),
 * or out of the district ({@code destination}, e.g. "广州市天河区"); exactly one of the two.
 */
public record TransferRequest(UUID toOrganizationId, @Pattern(regexp = ".*\\S.*") @Size(max = 100) String destination,
		@Size(max = 500) String reason, LocalDate effectiveOn) {
}
