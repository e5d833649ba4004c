package org.grassroots.member.worklogs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a central household's work log.
 *
 * @param caseId grid-service's case, for CASE_HELP entries
 * @param rating the resident's rating of the closed case (1-5), when given
 * @param source MANUAL or GRID_CASE
 */
public record WorkLog(UUID id, UUID centralHouseholdId, WorkKind kind, LocalDate occurredOn, String summary,
		List<UUID> householdIds, String caseId, String caseCategory, Integer rating, String source,
		String recordedBy, OffsetDateTime recordedAt) {
}
