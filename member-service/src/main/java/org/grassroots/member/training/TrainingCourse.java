package org.grassroots.member.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A training course for party members (党员教育培训). {@code region}: who organizes it (data scope). */
public record TrainingCourse(UUID id, String title, String region, UUID organizationId, OffsetDateTime startsAt,
		int durationMinutes, String location, int attendance, String createdBy, OffsetDateTime createdAt) {
}
