package org.grassroots.member.members;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One period of a mobile member under a mobile branch. */
public record MobileAssignment(UUID id, UUID memberId, UUID branchId, String location, String assignedBy,
		OffsetDateTime assignedAt, String releasedBy, OffsetDateTime releasedAt) {
}
