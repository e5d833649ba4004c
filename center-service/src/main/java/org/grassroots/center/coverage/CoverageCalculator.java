package org.grassroots.center.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.grassroots.center.map.SpatialIndex;

/**
 * The 15-minute coverage arithmetic, free of I/O: which compounds lie within the radius of an operating center,
 * their share of compounds and of population, and the best {@code k} new sites among candidates by greedy maximal
 * coverage (each pick adds the most uncovered population, ties broken by uncovered compounds; lazy evaluation,
 * which is exact for this submodular objective). Radii are straight-line metres.
 */
public final class CoverageCalculator {

	/** A residential compound. */
	public record Compound(String id, String name, String region, double lat, double lng, long population)
			implements SpatialIndex.Located {
	}

	/** A candidate site for a new center. */
	public record Site(String id, String name, double lat, double lng) implements SpatialIndex.Located {
	}

	/** A chosen site and what it adds; shares are cumulative after this pick. */
	public record Pick(Site site, int newlyCoveredCompounds, long newlyCoveredPopulation, double compoundShareAfter,
			double populationShareAfter) {
	}

	/** An uncovered compound and the distance to its nearest center (null without any center). */
	public record Uncovered(Compound compound, Double nearestCenterMeters) {
	}

	public record Result(int compounds, int coveredCompounds, long population, long coveredPopulation,
			double compoundShare, double populationShare, List<Uncovered> uncovered, List<Pick> bestSites) {
	}

	private CoverageCalculator() {
	}

	public static Result analyse(List<Compound> compounds, SpatialIndex<? extends SpatialIndex.Located> centers,
			double radiusMeters, List<Site> candidates, int k) {
		int n = compounds.size();
		BitSet covered = new BitSet(n);
		long population = 0;
		long coveredPopulation = 0;
		List<Uncovered> uncovered = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Compound c = compounds.get(i);
			population += c.population();
			var nearest = centers.nearest(c.lat(), c.lng(), 1, Double.POSITIVE_INFINITY, x -> true);
			double d = nearest.isEmpty() ? Double.POSITIVE_INFINITY : nearest.get(0).distanceMeters();
			if (d <= radiusMeters) {
				covered.set(i);
				coveredPopulation += c.population();
			}
			else {
				uncovered.add(new Uncovered(c, nearest.isEmpty() ? null : Math.round(d * 10) / 10.0));
			}
		}
		uncovered.sort(Comparator.comparingLong((Uncovered u) -> u.compound().population()).reversed()
			.thenComparing(u -> u.compound().id()));
		List<Pick> picks = greedy(compounds, covered, coveredPopulation, population, radiusMeters, candidates, k);
		return new Result(n, covered.cardinality(), population, coveredPopulation, share(covered.cardinality(), n),
				share(coveredPopulation, population), uncovered, picks);
	}

	private record Indexed(int index, Compound compound) implements SpatialIndex.Located {

		@Override
		public double lat() {
			return compound.lat();
		}

		@Override
		public double lng() {
			return compound.lng();
		}
	}

	private record Bound(int candidate, long population, int compounds, int round) {
	}

	private static List<Pick> greedy(List<Compound> compounds, BitSet coveredAtStart, long coveredPopulation,
			long population, double radiusMeters, List<Site> candidates, int k) {
		List<Pick> picks = new ArrayList<>();
		if (k <= 0 || candidates == null || candidates.isEmpty()) {
			return picks;
		}
		BitSet covered = (BitSet) coveredAtStart.clone();
		List<Indexed> open = new ArrayList<>();
		for (int i = 0; i < compounds.size(); i++) {
			if (!covered.get(i)) {
				open.add(new Indexed(i, compounds.get(i)));
			}
		}
		if (open.isEmpty()) {
			return picks;
		}
		SpatialIndex<Indexed> openIndex = new SpatialIndex<>(open);
		int[][] reach = new int[candidates.size()][];
		PriorityQueue<Bound> queue = new PriorityQueue<>(Comparator.comparingLong(Bound::population)
			.thenComparingInt(Bound::compounds)
			.reversed()
			.thenComparingInt(Bound::candidate));
		for (int s = 0; s < candidates.size(); s++) {
			Site site = candidates.get(s);
			List<Indexed> near = openIndex.within(site.lat(), site.lng(), radiusMeters);
			reach[s] = near.stream().mapToInt(Indexed::index).sorted().toArray();
			long gain = near.stream().mapToLong(x -> x.compound().population()).sum();
			if (reach[s].length > 0) {
				queue.add(new Bound(s, gain, reach[s].length, 0));
			}
		}
		int coveredCount = covered.cardinality();
		long coveredPop = coveredPopulation;
		int round = 0;
		while (picks.size() < k && !queue.isEmpty()) {
			Bound top = queue.poll();
			if (top.round() != round) {
				long gain = 0;
				int count = 0;
				for (int i : reach[top.candidate()]) {
					if (!covered.get(i)) {
						gain += compounds.get(i).population();
						count++;
					}
				}
				if (count > 0) {
					queue.add(new Bound(top.candidate(), gain, count, round));
				}
				continue;
			}
			for (int i : reach[top.candidate()]) {
				covered.set(i);
			}
			coveredCount += top.compounds();
			coveredPop += top.population();
			picks.add(new Pick(candidates.get(top.candidate()), top.compounds(), top.population(),
					share(coveredCount, compounds.size()), share(coveredPop, population)));
			round++;
		}
		return picks;
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
	}
}
