package org.grassroots.center.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.grassroots.center.support.Geo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The best-first search agrees with brute force, with and without filters. */
class SpatialIndexTest {

	record P(int id, double lat, double lng, boolean even) implements SpatialIndex.Located {
	}

	@Test
	void nearestMatchesBruteForceWithFiltersAndRadius() {
		Random random = new Random(7);
		List<P> points = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			points.add(new P(i, 21.7 + random.nextDouble() * 0.5, 111.7 + random.nextDouble() * 0.5, i % 2 == 0));
		}
		SpatialIndex<P> index = new SpatialIndex<>(points);
		for (int q = 0; q < 200; q++) {
			double lat = 21.6 + random.nextDouble() * 0.7;
			double lng = 111.6 + random.nextDouble() * 0.7;
			Predicate<P> filter = q % 3 == 0 ? P::even : p -> true;
			double radius = q % 5 == 0 ? 800 : Double.POSITIVE_INFINITY;
			List<SpatialIndex.Neighbor<P>> found = index.nearest(lat, lng, 5, radius, filter);
			List<P> expected = points.stream()
				.filter(filter)
				.filter(p -> Geo.distanceMeters(lat, lng, p.lat(), p.lng()) <= radius)
				.sorted(Comparator.comparingDouble(p -> Geo.distanceMeters(lat, lng, p.lat(), p.lng())))
				.limit(5)
				.toList();
			assertThat(found.stream().map(n -> n.item().id()).toList()).isEqualTo(expected.stream().map(P::id).toList());
			for (int i = 1; i < found.size(); i++) {
				assertThat(found.get(i).distanceMeters()).isGreaterThanOrEqualTo(found.get(i - 1).distanceMeters());
			}
		}
	}

	@Test
	void withinAndBoxQueriesAndEmptyIndex() {
		List<P> points = List.of(new P(1, 21.85, 111.95, true), new P(2, 21.86, 111.95, false),
				new P(3, 22.5, 112.5, true));
		SpatialIndex<P> index = new SpatialIndex<>(points);
		assertThat(index.within(21.85, 111.95, 1200).stream().map(P::id)).containsExactlyInAnyOrder(1, 2);
		assertThat(index.within(21.85, 111.95, 100).stream().map(P::id)).containsExactly(1);
		assertThat(index.inBox(111.9, 21.8, 112.0, 21.9).stream().map(P::id)).containsExactlyInAnyOrder(1, 2);
		assertThat(index.anyWithin(22.5, 112.5, 1, p -> true)).isTrue();
		SpatialIndex<P> empty = new SpatialIndex<>(List.of());
		assertThat(empty.nearest(21.85, 111.95, 5, Double.POSITIVE_INFINITY, p -> true)).isEmpty();
		assertThat(empty.within(21.85, 111.95, 1000)).isEmpty();
	}
}
