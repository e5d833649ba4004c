package org.grassroots.grid.households;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A resident as given with a household.
 *
 * @param name full name
 * @param relation to the head of household (default OTHER)
 * @param idNumber resident identity card number (GB 11643), optional; validated by its check character
 * @param phone mobile or landline, optional
 * @param careTags attention marks
 */
public record ResidentInput(@NotBlank @Size(max = 50) String name, Relation relation,
		@Size(max = 20) String idNumber, @Size(max = 20) String phone,
		@Size(max = 5) List<@NotNull CareTag> careTags) {
}
