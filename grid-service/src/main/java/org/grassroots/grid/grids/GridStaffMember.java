package org.grassroots.grid.grids;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A member of a grid's staff.
 *
 * @param subject the person's subject (as in their token), so "my grids" and "my cases" find them
 * @param name display name
 * @param role head, instructor or worker
 */
public record GridStaffMember(@NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 50) String name,
		@NotNull StaffRole role) {
}
