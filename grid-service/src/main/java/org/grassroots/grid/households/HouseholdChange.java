package org.grassroots.grid.households;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update of a household; absent fields stay. Moving it to another grid moves its region. */
public record HouseholdChange(UUID gridId, UUID buildingId, UUID compoundId,
		@Pattern(regexp = ".*\\S.*") @Size(max = 200) String address, @Size(max = 5) List<@NotNull CareTag> careTags) {
}
