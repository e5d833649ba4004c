package org.grassroots.grid.households;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update of a resident; absent fields stay.
 *
 * @param status {@code MOVED_OUT} when they leave the household
 */
public record ResidentChange(@Pattern(regexp = ".*\\S.*") @Size(max = 50) String name, Relation relation,
		@Size(max = 20) String idNumber, @Size(max = 20) String phone, @Size(max = 5) List<@NotNull CareTag> careTags,
		@Pattern(regexp = "ACTIVE|MOVED_OUT") String status) {
}
