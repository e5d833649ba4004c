package org.grassroots.grid.households;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A household as staff see it: the address masked (plaintext only through the audited address read), care tags,
 * and its residents (masked) when asked for one household.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Household(UUID id, String code, UUID gridId, UUID buildingId, UUID compoundId, String region,
		String address, List<CareTag> careTags, String status, List<Resident> residents, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version) {

	Household withResidents(List<Resident> list) {
		return new Household(id, code, gridId, buildingId, compoundId, region, address, careTags, status, list,
				createdAt, updatedAt, version);
	}

	HouseholdRef ref() {
		return new HouseholdRef(id, gridId, region, compoundId, buildingId);
	}
}
