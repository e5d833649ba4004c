package org.grassroots.grid.households;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resident as staff see them: ID number and phone masked ({@code 4417**********1234}, {@code 138****5678});
 * plaintext only through the audited personal-data read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resident(UUID id, UUID householdId, String name, Relation relation, String gender, Integer birthYear,
		String idNumber, String phone, List<CareTag> careTags, String status, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version) {
}
