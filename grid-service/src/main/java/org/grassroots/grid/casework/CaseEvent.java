package org.grassroots.grid.casework;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One step in a case's timeline: when, who, what.
 *
 * @param type REPORTED, ACCEPTED, DISPATCHED, RESOLVED, FEEDBACK, EVALUATED, CLOSED, REOPENED, ESCALATED, NOTE,
 *        ATTACHMENT, DUPLICATE_SUSPECTED, HELPER_ADDED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(UUID id, UUID caseId, OffsetDateTime at, String type, CaseStatus fromStatus,
		CaseStatus toStatus, String actor, String actorKind, String note, @JsonRawValue String data) {
}
