package org.grassroots.grid.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.index.SpatialIndex;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable point-in-polygon index. Safe for concurrent readers once built.
 * <p>
 * By default a uniform grid of cells over the extent of every polygon part (about {@value #CELLS_PER_PART} cells per
 * part, at most {@value #MAX_CELLS}). Each cell keeps the parts that reach into it, best first, each flagged when the
 * cell lies wholly inside it; parts whose bounding box overlaps the cell but whose polygon does not are left out. A
 * cell whose first part covers it wholly answers with one array read; otherwise the cell's parts are tried best first
 * with an exact ray-crossing test over flat coordinate arrays (each part one contiguous record, its shell split into
 * horizontal bands so a test reads only the edges that can cross the point's ray; see {@link Cells}). Over 100,000
 * grids three lookups in five end at that one read (see bench/grid/README.md).
 * {@link #build(Collection, SpatialIndex)} keeps the former JTS R-tree path, for comparisons.
 * <p>
 * When several areas contain the point (a grid inside its community inside its street), the best one wins: the
 * highest {@code rank} (the deepest level), then the smallest area, then the lowest key, so the answer is
 * deterministic even for overlapping siblings. A point on a boundary counts as inside.
 *
 * @param <T> what an area stands for
 */
public final class PolygonIndex<T> {

	/**
	 * One area.
	 *
	 * @param value what {@link #locate} returns for it
	 * @param area a Polygon or MultiPolygon, x = longitude, y = latitude
	 * @param rank higher wins among areas containing the point
	 * @param size tie-break among equal ranks: smaller wins (e.g. the area in square metres)
	 * @param key final tie-break: lower wins
	 */
	public record Entry<T>(T value, Geometry area, int rank, double size, String key) {
	}

	/** About a sixth of a grid's width per cell: three in five cells of a tessellation answer at once (bench/grid). */
	static final int CELLS_PER_PART = 32;

	/** 4 M cells: 32 MB of cell headers at most, whatever the input. */
	static final int MAX_CELLS = 1 << 22;

	private static final Comparator<Entry<?>> BEST_FIRST = Comparator.<Entry<?>>comparingInt(e -> -e.rank())
		.thenComparingDouble(Entry::size)
		.thenComparing(Entry::key);

	private final int size;

	/** The areas' values, best first: an entry's number is its place here, so a lower number is a better area. */
	private final Object[] values;

	private final Parts parts;

	/** The cell grid, or {@code null} on the R-tree path. */
	private final Cells cells;

	/** The R-tree of part numbers, or {@code null} on the grid path (the parts too). */
	private final SpatialIndex tree;

	private PolygonIndex(int size, Object[] values, Parts parts, Cells cells, SpatialIndex tree) {
		this.size = size;
		this.values = values;
		this.parts = parts;
		this.cells = cells;
		this.tree = tree;
	}

	public static <T> PolygonIndex<T> build(Collection<Entry<T>> entries) {
		return build(entries, CELLS_PER_PART);
	}

	/** With about {@code cellsPerPart} grid cells per polygon part (for benchmarks; more cells answer more points at once). */
	public static <T> PolygonIndex<T> build(Collection<Entry<T>> entries, int cellsPerPart) {
		List<Entry<T>> sorted = bestFirst(entries);
		// the cells keep their own copy of the coordinates; the flat parts are only needed to build them
		return new PolygonIndex<>(entries.size(), values(sorted), null, Cells.build(Parts.of(sorted), cellsPerPart), null);
	}

	/** The former path: a JTS R-tree, e.g. an {@link HPRtree} or {@link STRtree}, over the parts (for comparisons). */
	public static <T> PolygonIndex<T> build(Collection<Entry<T>> entries, SpatialIndex tree) {
		List<Entry<T>> sorted = bestFirst(entries);
		Parts parts = Parts.of(sorted);
		for (int p = 0; p < parts.count; p++) {
			tree.insert(new Envelope(parts.box[4 * p], parts.box[4 * p + 2], parts.box[4 * p + 1], parts.box[4 * p + 3]),
					p);
		}
		// build now: both trees build themselves lazily on the first query, which is not thread-safe
		if (tree instanceof STRtree str) {
			str.build();
		}
		else if (tree instanceof HPRtree hpr) {
			hpr.build();
		}
		return new PolygonIndex<>(entries.size(), values(sorted), parts, null, tree);
	}

	private static <T> List<Entry<T>> bestFirst(Collection<Entry<T>> entries) {
		List<Entry<T>> sorted = new ArrayList<>(entries);
		sorted.sort(BEST_FIRST);
		return sorted;
	}

	private static Object[] values(List<? extends Entry<?>> sorted) {
		Object[] values = new Object[sorted.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = sorted.get(i).value();
		}
		return values;
	}

	/** @return the best area containing the point, or {@code null} */
	@SuppressWarnings("unchecked")
	public T locate(double lng, double lat) {
		int best = cells != null ? cells.locate(lng, lat) : treeLocate(lng, lat);
		return best < 0 ? null : (T) values[best];
	}

	/** @return every area containing the point, best first */
	@SuppressWarnings("unchecked")
	public List<T> containing(double lng, double lat) {
		int[] found = cells != null ? cells.containing(lng, lat) : treeContaining(lng, lat);
		List<T> result = new ArrayList<>(found.length);
		for (int entry : found) {
			result.add((T) values[entry]);
		}
		return result;
	}

	/** Number of areas. */
	public int size() {
		return size;
	}

	/** Bytes of the arrays the lookups read (the values' own objects not counted); 0 on the R-tree path. */
	public long memoryBytes() {
		return cells == null ? 0 : cells.memoryBytes() + 4L * values.length;
	}

	private int treeLocate(double lng, double lat) {
		int[] best = { Integer.MAX_VALUE };
		tree.query(new Envelope(lng, lng, lat, lat), item -> {
			int p = (Integer) item;
			if (parts.entry[p] < best[0] && parts.contains(p, lng, lat)) {
				best[0] = parts.entry[p];
			}
		});
		return best[0] == Integer.MAX_VALUE ? -1 : best[0];
	}

	private int[] treeContaining(double lng, double lat) {
		List<Integer> found = new ArrayList<>();
		tree.query(new Envelope(lng, lng, lat, lat), item -> {
			int p = (Integer) item;
			if (!found.contains(parts.entry[p]) && parts.contains(p, lng, lat)) {
				found.add(parts.entry[p]);
			}
		});
		return found.stream().mapToInt(Integer::intValue).sorted().toArray();
	}

	/**
	 * Every polygon of every area, numbered in best-first order of their areas (so a lower part number never belongs to
	 * a worse area), in flat arrays: all ring coordinates in one {@code x0, y0, x1, y1, …} array, no per-vertex or
	 * per-part objects to chase. A plain crossing-number test decides, and JTS's robust {@link RayCrossingCounter} takes
	 * over only for points within a hair of an edge, where floating-point rounding could decide wrongly.
	 */
	static final class Parts {

		static final double NEAR = 1e-12;

		final int count;

		/** The area (its best-first number) of each part. */
		final int[] entry;

		/** minX, minY, maxX, maxY of each part. */
		final double[] box;

		/** Part p's rings are rings {@code ring[p] .. ring[p + 1] - 1}, the first its shell. */
		final int[] ring;

		/** Ring r's coordinates are {@code xy[ringStart[r] .. ringStart[r + 1] - 1]}. */
		final int[] ringStart;

		final double[] xy;

		private Parts(int count, int[] entry, double[] box, int[] ring, int[] ringStart, double[] xy) {
			this.count = count;
			this.entry = entry;
			this.box = box;
			this.ring = ring;
			this.ringStart = ringStart;
			this.xy = xy;
		}

		static Parts of(List<? extends Entry<?>> sorted) {
			List<Polygon> polygons = new ArrayList<>();
			List<Integer> owners = new ArrayList<>();
			int rings = 0;
			long doubles = 0;
			for (int e = 0; e < sorted.size(); e++) {
				Geometry area = sorted.get(e).area();
				for (int i = 0; i < area.getNumGeometries(); i++) {
					if (area.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
						polygons.add(polygon);
						owners.add(e);
						rings += 1 + polygon.getNumInteriorRing();
						doubles += 2L * polygon.getNumPoints();
					}
				}
			}
			int count = polygons.size();
			int[] entry = new int[count];
			double[] box = new double[4 * count];
			int[] ring = new int[count + 1];
			int[] ringStart = new int[rings + 1];
			double[] xy = new double[Math.toIntExact(doubles)];
			int r = 0;
			int at = 0;
			for (int p = 0; p < count; p++) {
				Polygon polygon = polygons.get(p);
				entry[p] = owners.get(p);
				Envelope envelope = polygon.getEnvelopeInternal();
				box[4 * p] = envelope.getMinX();
				box[4 * p + 1] = envelope.getMinY();
				box[4 * p + 2] = envelope.getMaxX();
				box[4 * p + 3] = envelope.getMaxY();
				ring[p] = r;
				for (int h = -1; h < polygon.getNumInteriorRing(); h++) {
					CoordinateSequence seq = (h < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(h))
						.getCoordinateSequence();
					ringStart[r++] = at;
					for (int i = 0; i < seq.size(); i++) {
						xy[at++] = seq.getX(i);
						xy[at++] = seq.getY(i);
					}
				}
			}
			ring[count] = r;
			ringStart[r] = at;
			return new Parts(count, entry, box, ring, ringStart, xy);
		}

		/** Whether part p covers the point (its boundary included). */
		boolean contains(int p, double x, double y) {
			int b = 4 * p;
			if (x < box[b] || y < box[b + 1] || x > box[b + 2] || y > box[b + 3]) {
				return false;
			}
			int shell = ring[p];
			int location = locate(x, y, shell);
			if (location == Location.EXTERIOR) {
				return false;
			}
			if (location == Location.BOUNDARY) {
				return true;
			}
			for (int h = shell + 1, end = ring[p + 1]; h < end; h++) {
				if (locate(x, y, h) == Location.INTERIOR) {
					return false;
				}
			}
			return true;
		}

		/** Where the point lies against ring r, exactly. */
		private int locate(double x, double y, int r) {
			return locate(xy, ringStart[r], ringStart[r + 1], x, y);
		}

		/** Where the point lies against the ring {@code ring[from .. to - 1]}, exactly. */
		static int locate(double[] ring, int from, int to, double x, double y) {
			int location = crossing(ring, from, to, x, y);
			if (location == Location.BOUNDARY) {
				CoordinateSequence seq = PackedCoordinateSequenceFactory.DOUBLE_FACTORY
					.create(Arrays.copyOfRange(ring, from, to), 2);
				location = RayCrossingCounter.locatePointInRing(new Coordinate(x, y), seq);
			}
			return location;
		}

		/**
		 * Crossing number of a ray towards +x; {@code BOUNDARY} means "too close to call", not necessarily on it.
		 */
		static int crossing(double[] ring, int from, int to, double x, double y) {
			boolean inside = false;
			for (int i = from, n = to - 2; i < n; i += 2) {
				double x1 = ring[i];
				double y1 = ring[i + 1];
				double x2 = ring[i + 2];
				double y2 = ring[i + 3];
				if ((y1 > y) != (y2 > y)) {
					double cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1);
					double gap = x - cross;
					if (Math.abs(gap) <= NEAR) {
						return Location.BOUNDARY;
					}
					if (gap < 0) {
						inside = !inside;
					}
				}
				else if (Math.abs(y - y1) <= NEAR && (Math.abs(x - x1) <= NEAR || Math.abs(y - y2) <= NEAR
						&& x >= Math.min(x1, x2) - NEAR && x <= Math.max(x1, x2) + NEAR)) {
					// on a vertex (a vertex at a local top of the ring is never crossed, so it needs this check)
					// or near a horizontal edge
					return Location.BOUNDARY;
				}
			}
			return inside ? Location.INTERIOR : Location.EXTERIOR;
		}
	}
}
