package org.grassroots.center.coverage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The 15-minute coverage of a region: residential compounds (and their population) within the walking distance
 * of an operating center, the uncovered ones (largest first, at most {@code uncoveredLimit}), and, when asked, the
 * best new sites among candidates.
 *
 * @param walkMeters the walking distance asked for
 * @param radiusMeters the straight-line radius it stands for (walkMeters / 1.3)
 * @param centers operating centers of the district considered (residents walk across street borders)
 * @param unlocatedCompounds compounds grid-service returned without a location (not counted)
 */
public record CoverageReport(String region, int walkMeters, double radiusMeters, int centers, int compounds,
		int coveredCompounds, double compoundShare, long population, long coveredPopulation, double populationShare,
		int unlocatedCompounds, int uncoveredTotal, List<CoverageCalculator.Uncovered> uncovered,
		List<CoverageCalculator.Pick> bestSites, OffsetDateTime computedAt) {
}
