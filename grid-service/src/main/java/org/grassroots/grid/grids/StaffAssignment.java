package org.grassroots.grid.grids;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The complete staff of a grid, replacing what was there. */
public record StaffAssignment(@NotNull @Size(max = 200) List<@Valid @NotNull GridStaffMember> staff) {
}
