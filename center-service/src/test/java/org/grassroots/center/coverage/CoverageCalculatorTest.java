package org.grassroots.center.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.grassroots.center.coverage.CoverageCalculator.Compound;
import org.grassroots.center.coverage.CoverageCalculator.Site;
import org.grassroots.center.map.SpatialIndex;
import org.grassroots.center.support.Geo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageCalculatorTest {

	record C(double lat, double lng) implements SpatialIndex.Located {
	}

	/** ~111 m per 0.001° of latitude. */
	static Compound compound(String id, double dLat, long population) {
		return new Compound(id, id, "441702/01", 21.8 + dLat, 111.9, population);
	}

	@Test
	void sharesOfCompoundsAndPopulationAndUncoveredLargestFirst() {
		List<Compound> compounds = List.of(compound("a", 0, 1000), compound("b", 0.005, 3000),
				compound("c", 0.02, 500), compound("d", 0.03, 2000));
		SpatialIndex<C> centers = new SpatialIndex<>(List.of(new C(21.8, 111.9)));
		var result = CoverageCalculator.analyse(compounds, centers, 769.2, List.of(), 0);
		assertThat(result.compounds()).isEqualTo(4);
		assertThat(result.coveredCompounds()).isEqualTo(2);
		assertThat(result.compoundShare()).isEqualTo(0.5);
		assertThat(result.population()).isEqualTo(6500);
		assertThat(result.coveredPopulation()).isEqualTo(4000);
		assertThat(result.populationShare()).isEqualTo(0.6154);
		assertThat(result.uncovered()).extracting(u -> u.compound().id()).containsExactly("d", "c");
		assertThat(result.uncovered().get(1).nearestCenterMeters()).isBetween(2200.0, 2250.0);
	}

	@Test
	void greedyPicksTheSitesThatAddTheMostPopulationAndStopsWhenNothingIsLeft() {
		List<Compound> compounds = List.of(compound("a", 0, 100), compound("b", 0.05, 5000),
				compound("c", 0.0505, 100), compound("d", 0.10, 3000));
		SpatialIndex<C> centers = new SpatialIndex<>(List.of(new C(21.8, 111.9)));
		List<Site> candidates = List.of(new Site("s1", "near b", 21.8 + 0.0502, 111.9),
				new Site("s2", "near d", 21.8 + 0.1001, 111.9), new Site("s3", "nowhere", 23.0, 113.0),
				new Site("s4", "near a (covered)", 21.8, 111.9001));
		var result = CoverageCalculator.analyse(compounds, centers, 500, candidates, 5);
		assertThat(result.bestSites()).extracting(p -> p.site().id()).containsExactly("s1", "s2");
		assertThat(result.bestSites().get(0).newlyCoveredPopulation()).isEqualTo(5100);
		assertThat(result.bestSites().get(0).newlyCoveredCompounds()).isEqualTo(2);
		assertThat(result.bestSites().get(1).populationShareAfter()).isEqualTo(1.0);
	}

	@Test
	void lazyGreedyEqualsPlainGreedyOnRandomInstances() {
		Random random = new Random(11);
		for (int round = 0; round < 20; round++) {
			List<Compound> compounds = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				compounds.add(new Compound("c" + i, "c" + i, "r", 21.8 + random.nextDouble() * 0.1,
						111.9 + random.nextDouble() * 0.1, random.nextInt(3000)));
			}
			List<Site> sites = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				sites.add(new Site("s" + i, "s" + i, 21.8 + random.nextDouble() * 0.1, 111.9 + random.nextDouble() * 0.1));
			}
			SpatialIndex<C> centers = new SpatialIndex<>(List.of(new C(21.85, 111.95)));
			double radius = 1000;
			var result = CoverageCalculator.analyse(compounds, centers, radius, sites, 6);
			// plain greedy, O(k · sites · compounds)
			BitSet covered = new BitSet();
			for (int i = 0; i < compounds.size(); i++) {
				if (Geo.distanceMeters(compounds.get(i).lat(), compounds.get(i).lng(), 21.85, 111.95) <= radius) {
					covered.set(i);
				}
			}
			List<String> expected = new ArrayList<>();
			for (int pick = 0; pick < 6; pick++) {
				int best = -1;
				long bestPop = -1;
				int bestCount = 0;
				for (int s = 0; s < sites.size(); s++) {
					long pop = 0;
					int count = 0;
					for (int i = 0; i < compounds.size(); i++) {
						if (!covered.get(i) && Geo.distanceMeters(compounds.get(i).lat(), compounds.get(i).lng(),
								sites.get(s).lat(), sites.get(s).lng()) <= radius) {
							pop += compounds.get(i).population();
							count++;
						}
					}
					if (count > 0 && (pop > bestPop || (pop == bestPop && count > bestCount))) {
						best = s;
						bestPop = pop;
						bestCount = count;
					}
				}
				if (best < 0) {
					break;
				}
				expected.add(sites.get(best).id());
				for (int i = 0; i < compounds.size(); i++) {
					if (Geo.distanceMeters(compounds.get(i).lat(), compounds.get(i).lng(), sites.get(best).lat(),
							sites.get(best).lng()) <= radius) {
						covered.set(i);
					}
				}
			}
			assertThat(result.bestSites()).extracting(p -> p.site().id()).containsExactlyElementsOf(expected);
		}
	}
}
