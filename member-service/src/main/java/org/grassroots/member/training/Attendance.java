package org.grassroots.member.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One member's attendance of a course. */
public record Attendance(UUID courseId, UUID memberId, String memberName, String organizationName,
		String recordedBy, OffsetDateTime recordedAt) {
}
