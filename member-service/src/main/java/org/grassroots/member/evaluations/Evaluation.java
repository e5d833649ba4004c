package org.grassroots.member.evaluations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One central household's evaluation for a year: indicators, the two scores, and the outcome. */
public record Evaluation(UUID id, int year, UUID centralHouseholdId, String memberName, String region,
		Indicators indicators, BigDecimal indicatorScore, OffsetDateTime computedAt, Integer communityScore,
		String communityComment, String communityScoredBy, Integer streetScore, String streetComment,
		String streetScoredBy, BigDecimal finalScore, String grade, Long rewardFen, EvaluationStatus status,
		long version) {

	/** Counted from the year's work logs and training attendance. */
	public record Indicators(int visits, int opinionsCollected, int disputesMediated, int helpGiven, int casesHelped,
			int ratingCount, BigDecimal averageRating, int trainingsAttended) {
	}
}
