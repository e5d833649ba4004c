package org.grassroots.center.evaluations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A center's star evaluation for one year, with what each step recorded. */
public record StarEvaluation(UUID id, UUID centerId, UUID rubricId, int year, EvaluationStatus status,
		Application application, Review review, Scoring scoring, BigDecimal totalScore, Integer suggestedStars,
		Integer stars, String rewardTier, Long rewardFen, OffsetDateTime publishedAt, String createdBy,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	/** The self-assessment: the standard's checklist answered, optional self-scores, a summary. */
	public record Application(Map<String, Boolean> checklist, Map<String, BigDecimal> selfScores, String summary) {
	}

	/** Representatives' opinion (代表评议). */
	public record Review(int representatives, int approvals, String opinion, String reviewedBy) {
	}

	/** The street's score of every second-level indicator. */
	public record Scoring(Map<String, BigDecimal> scores, String note, String scoredBy) {
	}
}
