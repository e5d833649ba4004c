package org.grassroots.grid.geo;

import java.util.Arrays;

import org.locationtech.jts.geom.Location;

/**
 * {@link PolygonIndex}'s first stage: a uniform grid of cells over the extent of every part, each cell with the parts
 * that reach into it, best first (CSR: {@code list[start[c] .. start[c + 1] - 1]}, each the part's place in
 * {@link #packed} {@code << 1 | wholly inside}), and {@code direct[c]}, the answer of a cell that lies wholly inside its
 * best part (else -1). The common lookup reads one int of {@code direct} (13 MB for 100,000 grids) instead of walking a
 * tree over 100 MB.
 * <p>
 * A point goes to cell {@code (int) ((x - minX) * invW)} (the last column clamped), a monotone function of x, so a part
 * is listed in every cell between the cells of its bounding box's corners, and a boundary edge is marked in every cell
 * between the cells of its ends that its segment may reach. A cell no boundary point can fall into is uniformly in or
 * out of the part; so is a run of such cells along a row (their regions are adjacent rectangles), and one exact test
 * of a cell centre decides the run. Geometric tests use the cell's rectangle widened by a margin far above rounding
 * error, so every doubt marks the cell "mixed": tested per point, never answered wrongly.
 */
final class Cells {

	private final double minX;

	private final double minY;

	private final double maxX;

	private final double maxY;

	private final int cols;

	private final int rows;

	private final double invW;

	private final double invH;

	private final int[] direct;

	private final int[] start;

	/** {@code offset << 1 | wholly inside}, the offset of the part in {@link #packed}. */
	private final int[] list;

	/**
	 * Every part as {@code entry, minX, minY, maxX, maxY, rings, length of each ring, its coordinates…}, parts near each
	 * other on the map near each other here: testing a cell's parts reads a few consecutive stretches of one array.
	 */
	private final double[] packed;

	private Cells(double minX, double minY, double maxX, double maxY, int cols, int rows, int[] direct, int[] start,
			int[] list, double[] packed) {
		this.minX = minX;
		this.minY = minY;
		this.maxX = maxX;
		this.maxY = maxY;
		this.cols = cols;
		this.rows = rows;
		double w = maxX - minX;
		double h = maxY - minY;
		this.invW = w > 0 ? cols / w : 0;
		this.invH = h > 0 ? rows / h : 0;
		this.direct = direct;
		this.start = start;
		this.list = list;
		this.packed = packed;
	}

	private int col(double x) {
		int c = (int) ((x - minX) * invW);
		return c >= cols ? cols - 1 : c;
	}

	private int row(double y) {
		int r = (int) ((y - minY) * invH);
		return r >= rows ? rows - 1 : r;
	}

	/** @return the best entry covering the point, or -1 */
	int locate(double x, double y) {
		// also false for NaN, and for every point of an empty index (NaN extent)
		if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
			return -1;
		}
		int cell = row(y) * cols + col(x);
		int answer = direct[cell];
		if (answer >= 0) {
			return answer;
		}
		for (int i = start[cell], end = start[cell + 1]; i < end; i++) {
			int code = list[i];
			int at = code >>> 1;
			if ((code & 1) != 0 || contains(at, x, y)) {
				return (int) packed[at];
			}
		}
		return -1;
	}

	/** Whether the packed part at {@code at} covers the point (its boundary included). */
	private boolean contains(int at, double x, double y) {
		double[] a = packed;
		if (x < a[at + 1] || y < a[at + 2] || x > a[at + 3] || y > a[at + 4]) {
			return false;
		}
		int rings = (int) a[at + 5];
		int bands = (int) a[at + 6 + rings];
		int from = at + 7 + rings + (bands > 0 ? 1 + bands : 0);
		int to = from + (int) a[at + 6];
		if (bands > 0) {
			// only the edges that reach the point's band can cross its ray: at most two runs of the shell
			int band = (int) ((y - a[at + 2]) * a[at + 7 + rings]);
			long runs = (long) a[at + 8 + rings + Math.min(band, bands - 1)];
			if (runs >= 0) {
				int first = PolygonIndex.Parts.crossing(a, from + 2 * (int) (runs & RUN), from + 2 * (int) (runs >>> 13 & RUN) + 2,
						x, y);
				int second = PolygonIndex.Parts.crossing(a, from + 2 * (int) (runs >>> 26 & RUN),
						from + 2 * (int) (runs >>> 39 & RUN) + 2, x, y);
				if (first != Location.BOUNDARY && second != Location.BOUNDARY) {
					return (first == Location.INTERIOR) != (second == Location.INTERIOR);
				}
				// too close to call: the exact test over the whole ring
				return PolygonIndex.Parts.locate(a, from, to, x, y) != Location.EXTERIOR;
			}
		}
		int location = PolygonIndex.Parts.locate(a, from, to, x, y);
		if (location == Location.EXTERIOR) {
			return false;
		}
		if (location == Location.BOUNDARY) {
			return true;
		}
		for (int h = 1; h < rings; h++) {
			from = to;
			to = from + (int) a[at + 6 + h];
			if (PolygonIndex.Parts.locate(a, from, to, x, y) == Location.INTERIOR) {
				return false;
			}
		}
		return true;
	}

	/** @return every entry covering the point, best first */
	int[] containing(double x, double y) {
		if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
			return new int[0];
		}
		int cell = row(y) * cols + col(x);
		int[] found = new int[start[cell + 1] - start[cell]];
		int n = 0;
		for (int i = start[cell], end = start[cell + 1]; i < end; i++) {
			int code = list[i];
			int at = code >>> 1;
			int entry = (int) packed[at];
			// the parts of one entry are numbered together, so a duplicate can only follow its twin
			if ((n == 0 || found[n - 1] != entry) && ((code & 1) != 0 || contains(at, x, y))) {
				found[n++] = entry;
			}
		}
		return Arrays.copyOf(found, n);
	}

	long memoryBytes() {
		return 4L * (direct.length + start.length + list.length) + 8L * packed.length;
	}

	int cellCount() {
		return direct.length;
	}

	/** How many cells answer at once (for tests and the bench). */
	int directCells() {
		int n = 0;
		for (int d : direct) {
			if (d >= 0) {
				n++;
			}
		}
		return n;
	}

	static Cells build(PolygonIndex.Parts parts, int cellsPerPart) {
		if (parts.count == 0) {
			return new Cells(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 1, new int[] { -1 }, new int[2],
					new int[0], new double[0]);
		}
		double minX = Double.POSITIVE_INFINITY;
		double minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY;
		double maxY = Double.NEGATIVE_INFINITY;
		for (int p = 0; p < parts.count; p++) {
			minX = Math.min(minX, parts.box[4 * p]);
			minY = Math.min(minY, parts.box[4 * p + 1]);
			maxX = Math.max(maxX, parts.box[4 * p + 2]);
			maxY = Math.max(maxY, parts.box[4 * p + 3]);
		}
		double w = maxX - minX;
		double h = maxY - minY;
		int target = (int) Math.min(PolygonIndex.MAX_CELLS, Math.max(1L, (long) cellsPerPart * parts.count));
		int cols = 1;
		int rows = 1;
		if (w > 0 && h > 0) {
			// about square cells
			double side = Math.sqrt(w * h / target);
			cols = (int) Math.max(1, Math.min(target, Math.ceil(w / side)));
			rows = (int) Math.max(1, Math.min(target / cols, Math.ceil(h / side)));
		}
		else if (w > 0) {
			cols = target;
		}
		else if (h > 0) {
			rows = target;
		}
		Cells grid = new Cells(minX, minY, maxX, maxY, cols, rows, null, null, null, null);
		return grid.fill(parts);
	}

	/** Lists every part in the cells it reaches, then lays the lists out by cell. */
	private Cells fill(PolygonIndex.Parts parts) {
		double cellW = (maxX - minX) / cols;
		double cellH = (maxY - minY) / rows;
		// far above the rounding of col()/row() and of the tests below, far below a cell
		double margin = 1e-6 * Math.max(cellW, cellH)
				+ 1e-12 * (1 + Math.max(Math.max(Math.abs(minX), Math.abs(maxX)), Math.max(Math.abs(minY), Math.abs(maxY))));
		Pairs pairs = new Pairs(Math.max(16, 2 * cols * rows));
		for (int p = 0; p < parts.count; p++) {
			int c0 = col(parts.box[4 * p]);
			int r0 = row(parts.box[4 * p + 1]);
			int c1 = col(parts.box[4 * p + 2]);
			int r1 = row(parts.box[4 * p + 3]);
			int nc = c1 - c0 + 1;
			boolean[] mixed = new boolean[nc * (r1 - r0 + 1)];
			double[] xy = parts.xy;
			for (int ring = parts.ring[p]; ring < parts.ring[p + 1]; ring++) {
				for (int i = parts.ringStart[ring], n = parts.ringStart[ring + 1] - 2; i < n; i += 2) {
					double x1 = xy[i];
					double y1 = xy[i + 1];
					double x2 = xy[i + 2];
					double y2 = xy[i + 3];
					int a0 = col(Math.min(x1, x2));
					int a1 = col(Math.max(x1, x2));
					int b0 = row(Math.min(y1, y2));
					int b1 = row(Math.max(y1, y2));
					boolean few = (a1 - a0 + 1) * (b1 - b0 + 1) <= 2;
					for (int r = b0; r <= b1; r++) {
						for (int c = a0; c <= a1; c++) {
							if (few || meets(x1, y1, x2, y2, minX + c * cellW - margin, minY + r * cellH - margin,
									minX + (c + 1) * cellW + margin, minY + (r + 1) * cellH + margin)) {
								mixed[(r - r0) * nc + (c - c0)] = true;
							}
						}
					}
				}
			}
			for (int r = r0; r <= r1; r++) {
				// the status of the current run of unmarked cells: 0 unknown, 1 outside, 2 inside
				int run = 0;
				for (int c = c0; c <= c1; c++) {
					int cell = r * cols + c;
					if (mixed[(r - r0) * nc + (c - c0)]) {
						pairs.add(cell, p << 1);
						run = 0;
						continue;
					}
					if (run == 0) {
						double cx = minX + (c + 0.5) * cellW;
						double cy = minY + (r + 0.5) * cellH;
						if (col(cx) != c || row(cy) != r) {
							// cannot happen with sane extents; when unsure, test per point
							pairs.add(cell, p << 1);
							continue;
						}
						run = parts.contains(p, cx, cy) ? 2 : 1;
					}
					if (run == 2) {
						pairs.add(cell, p << 1 | 1);
					}
				}
			}
		}
		int cells = cols * rows;
		int[] begin = new int[cells + 1];
		for (int i = 0; i < pairs.size; i++) {
			begin[pairs.cell[i] + 1]++;
		}
		for (int c = 0; c < cells; c++) {
			begin[c + 1] += begin[c];
		}
		// a stable placement: parts were added in part order, so each cell's list stays best first
		int[] next = Arrays.copyOf(begin, cells);
		int[] codes = new int[pairs.size];
		for (int i = 0; i < pairs.size; i++) {
			codes[next[pairs.cell[i]]++] = pairs.code[i];
		}
		int[] answers = new int[cells];
		for (int c = 0; c < cells; c++) {
			answers[c] = begin[c] < begin[c + 1] && (codes[begin[c]] & 1) != 0 ? parts.entry[codes[begin[c]] >>> 1] : -1;
		}
		int[] offset = new int[parts.count];
		double[] packed = pack(parts, offset);
		for (int i = 0; i < codes.length; i++) {
			codes[i] = offset[codes[i] >>> 1] << 1 | (codes[i] & 1);
		}
		return new Cells(minX, minY, maxX, maxY, cols, rows, answers, begin, codes, packed);
	}

	/** Lays the parts out in {@link #packed} in Z-order of their boxes' centres; {@code offset[p]} says where. */
	private double[] pack(PolygonIndex.Parts parts, int[] offset) {
		long[] order = new long[parts.count];
		double w = maxX - minX;
		double h = maxY - minY;
		long length = 0;
		int[] bandsOf = new int[parts.count];
		for (int p = 0; p < parts.count; p++) {
			double cx = (parts.box[4 * p] + parts.box[4 * p + 2]) / 2;
			double cy = (parts.box[4 * p + 1] + parts.box[4 * p + 3]) / 2;
			long qx = w > 0 ? (long) ((cx - minX) / w * 65535) : 0;
			long qy = h > 0 ? (long) ((cy - minY) / h * 65535) : 0;
			order[p] = interleave(qx) | interleave(qy) << 1;
			order[p] = order[p] << 32 | p;
			int rings = parts.ring[p + 1] - parts.ring[p];
			int vertices = (parts.ringStart[parts.ring[p] + 1] - parts.ringStart[parts.ring[p]]) / 2;
			// bands for a shell without holes, big enough to be worth it, small enough for 13-bit vertex numbers
			bandsOf[p] = rings == 1 && vertices > 16 && vertices <= RUN && parts.box[4 * p + 3] > parts.box[4 * p + 1]
					? BANDS : 0;
			length += 7 + rings + (bandsOf[p] > 0 ? 1 + bandsOf[p] : 0) + parts.ringStart[parts.ring[p + 1]]
					- parts.ringStart[parts.ring[p]];
		}
		if (length >= 1L << 30) {
			// list entries hold an offset shifted left by one
			throw new IllegalArgumentException("too many vertices for one index: " + length / 2);
		}
		Arrays.sort(order);
		double[] packed = new double[(int) length];
		int at = 0;
		for (long key : order) {
			int p = (int) key;
			offset[p] = at;
			int firstRing = parts.ring[p];
			int rings = parts.ring[p + 1] - firstRing;
			packed[at++] = parts.entry[p];
			System.arraycopy(parts.box, 4 * p, packed, at, 4);
			at += 4;
			packed[at++] = rings;
			for (int r = firstRing; r < firstRing + rings; r++) {
				packed[at++] = parts.ringStart[r + 1] - parts.ringStart[r];
			}
			int from = parts.ringStart[firstRing];
			int to = parts.ringStart[firstRing + rings];
			packed[at++] = bandsOf[p];
			if (bandsOf[p] > 0) {
				at = bands(parts.xy, from, parts.ringStart[firstRing + 1], parts.box[4 * p + 1], parts.box[4 * p + 3],
						bandsOf[p], packed, at);
			}
			System.arraycopy(parts.xy, from, packed, at, to - from);
			at += to - from;
		}
		return packed;
	}

	/** Bands per shell: a point's band holds about an eighth of the shell's edges, in one or two runs. */
	static final int BANDS = 8;

	/** 13 bits per vertex number, four of them in a double's exact 53-bit integer range. */
	private static final int RUN = 0x1FFF;

	/**
	 * Writes {@code 1 / band height} and, per horizontal band of the shell, the runs of consecutive edges that reach
	 * into it (their y ranges widened by the ray test's tolerance, through the same monotone band function as the
	 * lookup, so no edge that can matter for a point is left out): two runs as {@code from | to << 13 | from << 26 |
	 * to << 39} (vertex numbers), or -1 when the band has more than two (the whole ring is tested then).
	 */
	private static int bands(double[] xy, int from, int to, double minY, double maxY, int bands, double[] out, int at) {
		double inv = bands / (maxY - minY);
		out[at++] = inv;
		long[] runs = new long[bands];
		int[] count = new int[bands];
		int[] last = new int[bands];
		Arrays.fill(last, -2);
		for (int i = from, e = 0; i < to - 2; i += 2, e++) {
			double lo = Math.min(xy[i + 1], xy[i + 3]) - PolygonIndex.Parts.NEAR;
			double hi = Math.max(xy[i + 1], xy[i + 3]) + PolygonIndex.Parts.NEAR;
			int b0 = Math.max(0, (int) ((Math.max(lo, minY) - minY) * inv));
			int b1 = Math.min(bands - 1, (int) ((Math.min(hi, maxY) - minY) * inv));
			for (int b = Math.min(b0, bands - 1); b <= b1; b++) {
				if (last[b] == e - 1 && count[b] > 0) {
					// extend the band's current run to this edge's end vertex
					int shift = count[b] == 1 ? 13 : 39;
					runs[b] = runs[b] & ~((long) RUN << shift) | (long) (e + 1) << shift;
				}
				else if (count[b] < 2) {
					int shift = count[b] == 0 ? 0 : 26;
					runs[b] |= (long) e << shift | (long) (e + 1) << (shift + 13);
					count[b]++;
				}
				else {
					count[b] = 3;
				}
				last[b] = e;
			}
		}
		for (int b = 0; b < bands; b++) {
			out[at++] = count[b] > 2 ? -1 : runs[b];
		}
		return at;
	}

	/** The 16 low bits of v spread to the even bits. */
	private static long interleave(long v) {
		v &= 0xFFFF;
		v = (v | v << 8) & 0x00FF00FFL;
		v = (v | v << 4) & 0x0F0F0F0FL;
		v = (v | v << 2) & 0x33333333L;
		v = (v | v << 1) & 0x55555555L;
		return v;
	}

	/**
	 * Whether the segment may meet the rectangle: their boxes overlap and the segment's line does not leave every
	 * corner strictly on one side (the separating-axis test for a segment and an axis-aligned box).
	 */
	static boolean meets(double x1, double y1, double x2, double y2, double rx0, double ry0, double rx1, double ry1) {
		if (Math.max(x1, x2) < rx0 || Math.min(x1, x2) > rx1 || Math.max(y1, y2) < ry0 || Math.min(y1, y2) > ry1) {
			return false;
		}
		double dx = x2 - x1;
		double dy = y2 - y1;
		double s1 = dx * (ry0 - y1) - dy * (rx0 - x1);
		double s2 = dx * (ry0 - y1) - dy * (rx1 - x1);
		double s3 = dx * (ry1 - y1) - dy * (rx0 - x1);
		double s4 = dx * (ry1 - y1) - dy * (rx1 - x1);
		return !((s1 > 0 && s2 > 0 && s3 > 0 && s4 > 0) || (s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0));
	}

	/** (cell, code) pairs in a growable pair of int arrays. */
	private static final class Pairs {

		int[] cell;

		int[] code;

		int size;

		Pairs(int capacity) {
			cell = new int[capacity];
			code = new int[capacity];
		}

		void add(int c, int v) {
			if (size == cell.length) {
				cell = Arrays.copyOf(cell, size * 2);
				code = Arrays.copyOf(code, size * 2);
			}
			cell[size] = c;
			code[size++] = v;
		}
	}
}
