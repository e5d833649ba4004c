package org.grassroots.member.evaluations;

import java.math.BigDecimal;
import java.util.UUID;

/** One entry of the ranked candidate list (district-wide rank) for the top-hundred selection. */
public record Candidate(int rank, UUID evaluationId, UUID centralHouseholdId, UUID memberId, String name,
		String region, String organizationName, BigDecimal finalScore, BigDecimal indicatorScore, String grade,
		long rewardFen) {
}
