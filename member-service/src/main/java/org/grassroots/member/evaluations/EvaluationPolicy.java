package org.grassroots.member.evaluations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a year's evaluation is scored: targets that make the indicator score (visits 40 %, cases helped 20 %,
 * resident ratings 20 %, training 20 % of it), the weights of indicator, community and street scores in the
 * final score (sum 100), the grade thresholds and the reward per grade in integer fen.
 */
public record EvaluationPolicy(@NotNull @Min(1) @Max(1000) Integer visitTarget,
		@NotNull @Min(1) @Max(1000) Integer caseTarget, @NotNull @Min(1) @Max(100) Integer trainingTarget,
		@NotNull @Min(0) @Max(100) Integer indicatorWeight, @NotNull @Min(0) @Max(100) Integer communityWeight,
		@NotNull @Min(0) @Max(100) Integer streetWeight, @NotNull @Min(0) @Max(100) Integer excellentMin,
		@NotNull @Min(0) @Max(100) Integer goodMin, @NotNull @Min(0) @Max(100) Integer passMin,
		@NotNull @Min(0) @Max(100_000_000) Long excellentRewardFen, @NotNull @Min(0) @Max(100_000_000) Long goodRewardFen,
		@NotNull @Min(0) @Max(100_000_000) Long passRewardFen) {

	/** Two visits a month, six cases, four trainings; 40/30/30; 90/75/60; ¥2000/¥1000/¥500. */
	static EvaluationPolicy defaults() {
		return new EvaluationPolicy(24, 6, 4, 40, 30, 30, 90, 75, 60, 200_000L, 100_000L, 50_000L);
	}
}
