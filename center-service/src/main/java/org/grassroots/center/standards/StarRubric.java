package org.grassroots.center.standards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A star rubric: weighted first-level indicators (weights sum to 100), each with second-level indicators scored
 * from 0 to their maximum. The total score is Σ weight × (points scored / points possible) of each first-level
 * indicator, 0–100; the stars are the number of {@code starThresholds} (five, ascending) the total reaches; the
 * reward tier and amount (integer fen) follow from the stars. Immutable once created.
 */
public record StarRubric(UUID id, String name, int year, UUID standardId, List<Indicator> indicators,
		List<BigDecimal> starThresholds, List<RewardTier> rewardTiers, OffsetDateTime createdAt) {

	public record Indicator(String code, String name, BigDecimal weight, List<SubIndicator> items) {
	}

	public record SubIndicator(String code, String name, BigDecimal maxScore) {
	}

	public record RewardTier(int stars, String tier, long amountFen) {
	}

	/** The total for scores by second-level code (every code present, each within its maximum). */
	public BigDecimal total(Map<String, BigDecimal> scores) {
		BigDecimal total = BigDecimal.ZERO;
		for (Indicator indicator : indicators) {
			BigDecimal scored = BigDecimal.ZERO;
			BigDecimal possible = BigDecimal.ZERO;
			for (SubIndicator item : indicator.items()) {
				scored = scored.add(scores.get(item.code()));
				possible = possible.add(item.maxScore());
			}
			total = total.add(indicator.weight().multiply(scored).divide(possible, 10, RoundingMode.HALF_UP));
		}
		return total.setScale(2, RoundingMode.HALF_UP);
	}

	public int stars(BigDecimal total) {
		int stars = 0;
		for (BigDecimal threshold : starThresholds) {
			if (total.compareTo(threshold) >= 0) {
				stars++;
			}
		}
		return stars;
	}

	/** The reward tier for a number of stars, or null when those stars earn none. */
	public RewardTier reward(int stars) {
		return rewardTiers.stream().filter(t -> t.stars() == stars).findFirst().orElse(null);
	}

	public int indicatorCount() {
		return indicators.size();
	}

	public int subIndicatorCount() {
		return indicators.stream().mapToInt(i -> i.items().size()).sum();
	}
}
