package org.grassroots.grid.casework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One row of {@code grid_case}, as stored (personal data only masked). */
record CaseRow(UUID id, String number, Channel channel, String categoryCode, Priority priority, CaseStatus status,
		String title, String description, Double lat, Double lng, String address, UUID gridId, String region,
		String streetPath, String communityPath, String gridPath, String queueRegion, UUID householdId, UUID patrolId,
		String reporterSubject, String reporterKind, String reporterName, String reporterPhoneMasked,
		String externalId, String attributes, DispatchMode dispatchMode, String assigneeSubject,
		String department, List<String> parties, String helperLookup, OffsetDateTime reportedAt,
		OffsetDateTime acceptedAt, OffsetDateTime dispatchedAt, OffsetDateTime resolvedAt, OffsetDateTime feedbackAt,
		OffsetDateTime evaluatedAt, OffsetDateTime closedAt, OffsetDateTime deadlineAt,
		OffsetDateTime nextEscalationAt, int escalationLevel, int reopenCount, Integer rating, String ratingComment,
		OffsetDateTime updatedAt, long version) {
}
