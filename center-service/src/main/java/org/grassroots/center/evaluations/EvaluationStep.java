package org.grassroots.center.evaluations;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One step in an evaluation's history. */
public record EvaluationStep(UUID id, EvaluationStatus fromStatus, EvaluationStatus toStatus, String actor,
		String actorRoles, String note, Map<String, Object> details, OffsetDateTime at) {
}
