package org.grassroots.grid.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The cell grid against brute force ({@link Geometry#covers}) and against the former R-tree path. */
class PolygonIndexTest {

	static final GeometryFactory F = new GeometryFactory();

	static final Comparator<PolygonIndex.Entry<String>> BEST_FIRST = Comparator
		.<PolygonIndex.Entry<String>>comparingInt(e -> -e.rank())
		.thenComparingDouble(PolygonIndex.Entry::size)
		.thenComparing(PolygonIndex.Entry::key);

	@Test
	void agreesWithBruteForceAndTheTreeOnRandomLayers() {
		for (long seed = 1; seed <= 4; seed++) {
			Random random = new Random(seed);
			List<PolygonIndex.Entry<String>> entries = layers(random);
			List<Coordinate> points = points(entries, random);
			List<PolygonIndex.Entry<String>> sorted = new ArrayList<>(entries);
			sorted.sort(BEST_FIRST);
			PolygonIndex<String> tree = PolygonIndex.build(entries, new HPRtree());
			List<PolygonIndex<String>> grids = List.of(PolygonIndex.build(entries), PolygonIndex.build(entries, 1),
					PolygonIndex.build(entries, 300));
			int inside = 0;
			for (Coordinate c : points) {
				Point point = F.createPoint(c);
				List<String> expected = new ArrayList<>();
				for (PolygonIndex.Entry<String> e : sorted) {
					if (e.area().covers(point)) {
						expected.add(e.value());
					}
				}
				String best = expected.isEmpty() ? null : expected.get(0);
				inside += best == null ? 0 : 1;
				assertThat(tree.locate(c.x, c.y)).as("tree at %s (seed %d)", c, seed).isEqualTo(best);
				assertThat(tree.containing(c.x, c.y)).as("tree at %s (seed %d)", c, seed).isEqualTo(expected);
				for (PolygonIndex<String> grid : grids) {
					assertThat(grid.locate(c.x, c.y)).as("grid at %s (seed %d)", c, seed).isEqualTo(best);
					assertThat(grid.containing(c.x, c.y)).as("grid at %s (seed %d)", c, seed).isEqualTo(expected);
				}
			}
			// the test means something only if most points are inside some area and many lie on boundaries
			assertThat(inside).isGreaterThan(points.size() / 2);
			assertThat(entries.size()).isGreaterThan(300);
		}
	}

	@Test
	void mostCellsOfATessellationAnswerAtOnce() {
		List<PolygonIndex.Entry<String>> entries = new ArrayList<>();
		List<Polygon> cells = voronoi(new Random(9), 2000, new Envelope(110, 110.1, 25, 25.1), 40);
		for (int i = 0; i < cells.size(); i++) {
			entries.add(new PolygonIndex.Entry<>("g" + i, cells.get(i), 4, cells.get(i).getArea(), "g" + i));
		}
		PolygonIndex.Parts parts = PolygonIndex.Parts.of(entries);
		Cells grid = Cells.build(parts, PolygonIndex.CELLS_PER_PART);
		assertThat(grid.cellCount()).isBetween(2000 * (PolygonIndex.CELLS_PER_PART - 1), 2000 * (PolygonIndex.CELLS_PER_PART + 1));
		// cells about a sixth of a polygon across: more than half of them no boundary crosses
		assertThat(grid.directCells()).isGreaterThan(grid.cellCount() / 2);
	}

	@Test
	void emptyAndDegenerateInput() {
		PolygonIndex<String> empty = PolygonIndex.build(List.<PolygonIndex.Entry<String>>of());
		assertThat(empty.locate(1, 1)).isNull();
		assertThat(empty.containing(1, 1)).isEmpty();
		Polygon one = square(10, 20, 10.5, 20.5);
		PolygonIndex<String> single = PolygonIndex.build(List.of(new PolygonIndex.Entry<>("a", one, 1, 1, "a")));
		assertThat(single.locate(10, 20)).isEqualTo("a");
		assertThat(single.locate(10.5, 20.5)).isEqualTo("a");
		assertThat(single.locate(10.25, 20.25)).isEqualTo("a");
		assertThat(single.locate(10.5000001, 20.25)).isNull();
		assertThat(single.locate(Double.NaN, 20.25)).isNull();
		assertThat(single.locate(Double.POSITIVE_INFINITY, 20.25)).isNull();
		// a flat extent: the only polygons are slivers on one line of latitude... still no division by zero
		Polygon sliver = F.createPolygon(new Coordinate[] { new Coordinate(0, 0), new Coordinate(1, 0),
				new Coordinate(2, 0), new Coordinate(0, 0) });
		PolygonIndex<String> flat = PolygonIndex.build(List.of(new PolygonIndex.Entry<>("s", sliver, 1, 0, "s")));
		assertThat(flat.locate(0.5, 0)).isEqualTo("s");
		assertThat(flat.locate(0.5, 1e-9)).isNull();
	}

	/**
	 * Streets (rank 2, some with holes, one a MultiPolygon), communities on a dyadic grid (rank 3, exact shared
	 * edges), grids (rank 4: a densified Voronoi tessellation, some with holes, some pairs as MultiPolygons, and
	 * overlapping siblings of the same rank).
	 */
	static List<PolygonIndex.Entry<String>> layers(Random random) {
		List<PolygonIndex.Entry<String>> entries = new ArrayList<>();
		Envelope box = new Envelope(100, 100.0625, 30, 30.0625);
		// streets: four quadrants, one with a hole, the last two one MultiPolygon
		double mid = 100.03125;
		double midY = 30.03125;
		Polygon s0 = (Polygon) square(100, 30, mid, midY).difference(square(100.01, 30.01, 100.015, 30.015));
		entries.add(new PolygonIndex.Entry<>("s0", s0, 2, s0.getArea(), "s0"));
		entries.add(new PolygonIndex.Entry<>("s1", square(mid, 30, 100.0625, midY), 2, 1, "s1"));
		Geometry s2 = F.createMultiPolygon(new Polygon[] { square(100, midY, mid, 30.0625),
				square(mid, midY, 100.0625, 30.0625) });
		entries.add(new PolygonIndex.Entry<>("s2", s2, 2, s2.getArea(), "s2"));
		// communities: an 8 × 8 dyadic grid, every other one present, so some grids lie in none
		double step = 0.0625 / 8;
		for (int i = 0; i < 8; i++) {
			for (int j = 0; j < 8; j++) {
				if ((i + j) % 3 != 0) {
					Polygon c = square(100 + i * step, 30 + j * step, 100 + (i + 1) * step, 30 + (j + 1) * step);
					entries.add(new PolygonIndex.Entry<>("c" + i + "_" + j, c, 3, c.getArea(), "c" + i + "_" + j));
				}
			}
		}
		// grids
		List<Polygon> cells = voronoi(random, 300, box, 40);
		List<Polygon> pending = null;
		for (int i = 0; i < cells.size(); i++) {
			Geometry g = cells.get(i);
			if (i % 7 == 0) {
				Coordinate centre = g.getCentroid().getCoordinate();
				Geometry hole = F.createPoint(centre).buffer(Math.sqrt(g.getArea()) / 6, 3);
				Geometry holed = g.difference(hole);
				if (holed instanceof Polygon p && p.getNumInteriorRing() == 1) {
					g = p;
				}
			}
			if (i % 11 == 0) {
				// this one and the cell 150 further on form one area
				if (pending == null && i + 150 < cells.size()) {
					pending = List.of((Polygon) g, cells.get(i + 150));
					g = F.createMultiPolygon(pending.toArray(new Polygon[0]));
				}
				else {
					pending = null;
				}
			}
			entries.add(new PolygonIndex.Entry<>("g" + i, g, 4, g.getArea(), String.format("g%04d", i)));
		}
		// overlapping siblings: random squares at rank 4 and a big one at rank 5 over part of everything
		for (int i = 0; i < 20; i++) {
			double x = 100 + random.nextDouble() * 0.055;
			double y = 30 + random.nextDouble() * 0.055;
			double side = 0.001 + random.nextDouble() * 0.006;
			Polygon o = square(x, y, x + side, y + side);
			entries.add(new PolygonIndex.Entry<>("o" + i, o, 4, o.getArea(), "o" + i));
		}
		entries.add(new PolygonIndex.Entry<>("top", square(100.02, 30.02, 100.04, 30.035), 5, 1, "top"));
		return entries;
	}

	/** Random points, every vertex, midpoints of edges (exact on axis-aligned ones), some outside. */
	static List<Coordinate> points(List<PolygonIndex.Entry<String>> entries, Random random) {
		List<Coordinate> points = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			points.add(new Coordinate(99.995 + random.nextDouble() * 0.0725, 29.995 + random.nextDouble() * 0.0725));
		}
		for (PolygonIndex.Entry<String> e : entries) {
			Coordinate[] vertices = e.area().getCoordinates();
			for (int i = 0; i < vertices.length; i++) {
				points.add(new Coordinate(vertices[i]));
				if (i + 1 < vertices.length && random.nextInt(3) == 0) {
					points.add(new Coordinate((vertices[i].x + vertices[i + 1].x) / 2, (vertices[i].y + vertices[i + 1].y) / 2));
				}
			}
		}
		// the dyadic lines: on community and street edges, and crossings of them
		double step = 0.0625 / 8;
		for (int i = 0; i <= 8; i++) {
			for (int j = 0; j <= 16; j++) {
				points.add(new Coordinate(100 + i * step, 30 + j * step / 2));
				points.add(new Coordinate(100 + j * step / 2, 30 + i * step));
			}
		}
		return points;
	}

	static List<Polygon> voronoi(Random random, int n, Envelope box, int verticesPerCell) {
		List<Coordinate> sites = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			sites.add(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
					box.getMinY() + random.nextDouble() * box.getHeight()));
		}
		VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
		builder.setSites(sites);
		builder.setClipEnvelope(box);
		Geometry diagram = builder.getDiagram(F);
		Geometry clip = F.toGeometry(box);
		List<Polygon> cells = new ArrayList<>();
		for (int i = 0; i < diagram.getNumGeometries(); i++) {
			Geometry cell = diagram.getGeometryN(i).intersection(clip);
			if (cell instanceof Polygon p && !p.isEmpty()) {
				cells.add((Polygon) Densifier.densify(p, p.getLength() / verticesPerCell));
			}
		}
		return cells;
	}

	static Polygon square(double x0, double y0, double x1, double y1) {
		return F.createPolygon(new Coordinate[] { new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
				new Coordinate(x0, y1), new Coordinate(x0, y0) });
	}
}
