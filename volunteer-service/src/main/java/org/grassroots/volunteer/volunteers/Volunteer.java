package org.grassroots.volunteer.volunteers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registered volunteer as the API shows it. */
public record Volunteer(UUID id, String name, String region, List<String> skills, VolunteerStatus status,
		OffsetDateTime registeredAt, OffsetDateTime updatedAt, long version) {
}
