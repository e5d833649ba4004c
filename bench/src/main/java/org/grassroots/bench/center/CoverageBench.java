package org.grassroots.bench.center;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.grassroots.center.coverage.CoverageCalculator;
import org.grassroots.center.map.SpatialIndex;
import org.grassroots.center.support.Geo;

/**
 * 15-minute coverage of 10,000 compounds by 2,000 centers in one district, plus the best 10 of 500 candidate sites,
 * with center-service's CoverageCalculator; baseline: the coverage part by brute force (every compound against every
 * center) in the same run.
 */
final class CoverageBench {

	record Point(double lat, double lng) implements SpatialIndex.Located {
	}

	private CoverageBench() {
	}

	static String run(int compounds, int centers, int candidates, int k) {
		Random random = new Random(15);
		List<CoverageCalculator.Compound> cs = new ArrayList<>(compounds);
		for (int i = 0; i < compounds; i++) {
			cs.add(new CoverageCalculator.Compound("c" + i, "小区" + i, "441702", 21.70 + random.nextDouble() * 0.36,
					111.80 + random.nextDouble() * 0.39, 200 + random.nextInt(5000)));
		}
		List<Point> centerPoints = new ArrayList<>(centers);
		for (int i = 0; i < centers; i++) {
			centerPoints.add(new Point(21.70 + random.nextDouble() * 0.36, 111.80 + random.nextDouble() * 0.39));
		}
		List<CoverageCalculator.Site> sites = new ArrayList<>(candidates);
		for (int i = 0; i < candidates; i++) {
			sites.add(new CoverageCalculator.Site("s" + i, "备选" + i, 21.70 + random.nextDouble() * 0.36,
					111.80 + random.nextDouble() * 0.39));
		}
		double radius = Geo.straightRadiusFor(1000);
		CoverageCalculator.Result result = null;
		for (int i = 0; i < 3; i++) {
			result = CoverageCalculator.analyse(cs, new SpatialIndex<>(centerPoints), radius, sites, k);
		}
		double[] runs = new double[5];
		double[] coverageOnly = new double[5];
		for (int i = 0; i < runs.length; i++) {
			long t = System.nanoTime();
			result = CoverageCalculator.analyse(cs, new SpatialIndex<>(centerPoints), radius, sites, k);
			runs[i] = (System.nanoTime() - t) / 1e6;
			t = System.nanoTime();
			CoverageCalculator.analyse(cs, new SpatialIndex<>(centerPoints), radius, List.of(), 0);
			coverageOnly[i] = (System.nanoTime() - t) / 1e6;
		}
		long t = System.nanoTime();
		int covered = 0;
		for (CoverageCalculator.Compound c : cs) {
			for (Point p : centerPoints) {
				if (Geo.distanceMeters(c.lat(), c.lng(), p.lat(), p.lng()) <= radius) {
					covered++;
					break;
				}
			}
		}
		double bruteMs = (System.nanoTime() - t) / 1e6;
		java.util.Arrays.sort(runs);
		java.util.Arrays.sort(coverageOnly);
		StringBuilder out = new StringBuilder();
		out.append(String.format("%n[2] coverage: %,d compounds x %,d centers, walk 1,000 m (radius %.0f m), best %d of %d "
				+ "candidates%n", compounds, centers, radius, k, candidates));
		out.append(String.format("covered %,d of %,d compounds (%.1f %%), population share %.1f %%; brute force agrees: %s%n",
				result.coveredCompounds(), result.compounds(), result.compoundShare() * 100, result.populationShare() * 100,
				covered == result.coveredCompounds() ? "yes" : "NO (" + covered + ")"));
		out.append(String.format("best sites add %,d people; share after %d picks %.1f %%%n",
				result.bestSites().stream().mapToLong(CoverageCalculator.Pick::newlyCoveredPopulation).sum(),
				result.bestSites().size(),
				result.bestSites().isEmpty() ? result.populationShare() * 100
						: result.bestSites().get(result.bestSites().size() - 1).populationShareAfter() * 100));
		out.append(String.format("%-44s %10s%n", "variant", "median ms"));
		out.append(String.format("%-44s %10.1f%n", "coverage + greedy best-k (CoverageCalculator)", runs[2]));
		out.append(String.format("%-44s %10.1f%n", "coverage only (CoverageCalculator)", coverageOnly[2]));
		out.append(String.format("%-44s %10.1f%n", "coverage only, brute force (baseline)", bruteMs));
		out.append(String.format("ratio: brute force / indexed coverage = %.0fx; target whole analysis < 2 s -> %s%n",
				bruteMs / coverageOnly[2], runs[2] < 2000 ? "MET" : "MISSED"));
		return out.toString();
	}
}
