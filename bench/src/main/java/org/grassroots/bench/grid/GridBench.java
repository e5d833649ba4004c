package org.grassroots.bench.grid;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.grassroots.defaults.tenancy.ServiceDefaultsMigrations;
import org.grassroots.grid.geo.GeoJsonPolygons;
import org.grassroots.grid.geo.Geodesy;
import org.grassroots.grid.geo.PolygonIndex;
import org.grassroots.grid.statistics.StatisticsQuery;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.PostgresServer;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/grid: grid-service's hot paths with its own code.
 * <ol>
 * <li>point → grid in process with grid-service's {@link PolygonIndex} (a uniform cell grid, then ray crossing) over
 * 1,000 and 100,000 realistic polygons (a Voronoi tessellation densified to about 50 vertices), the 1,000 run being the
 * baseline, and the 100,000 over the former path (a JTS HPRtree) for comparison ({@code locate} runs only this part);</li>
 * <li>the same 100,000 polygons in PostGIS (GiST index) with {@code ST_Contains}: per lookup over JDBC, and
 * amortized inside the server;</li>
 * <li>grid-service's statistics query ({@link StatisticsQuery}) over 1,000,000 cases in grid-service's schema
 * (its Flyway migrations, row-level security on, as the application role), against a plain count of the same
 * table as the baseline.</li>
 * </ol>
 * Arguments: the superuser JDBC URL of a PostgreSQL with PostGIS available (bench/grid/run.sh starts one).
 */
public final class GridBench {

	private static final String TENANT = "441702";

	private GridBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			throw new IllegalArgumentException("usage: GridBench <superuser JDBC URL of a PostGIS-enabled PostgreSQL>");
		}
		if (args[0].equals("locate")) {
			// "locate" runs only part 1, the in-process point lookups (a minute or two; no database needed)
			int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
			System.out.println("== bench/grid locate (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
					+ System.getProperty("java.version") + ", load average at start " + loadAverage() + ") ==");
			reportPointLocation(pointLocation(queries));
			System.out.println("load average at the end: " + loadAverage());
			return;
		}
		String superuser = args[0];
		// "intake" runs only the intake part (the one to iterate on while tuning the intake path)
		boolean intakeOnly = args.length > 1 && args[1].equals("intake");
		int queries = args.length > 1 && !intakeOnly ? Integer.parseInt(args[1]) : 1_000_000;
		// the same fixed concurrency as bench/gateway
		int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
		int intakeSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
		System.out.println("== bench/grid (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version") + ", load average at start " + loadAverage() + ") ==");
		if (intakeOnly) {
			PostgresServer server = PostgresServer.external(withDatabase(superuser, "postgres"));
			reportIntake(runIntake(server, superuser, tessellation(1_000, 1), connections, intakeSeconds));
			return;
		}

		// ---- 1. in-process point location -------------------------------------------------------------
		PointLocation points = pointLocation(queries);
		Latency big = points.big();
		List<Geometry> small = tessellation(1_000, 1);
		List<Geometry> large = tessellation(100_000, 2);

		// ---- 2. PostGIS ---------------------------------------------------------------------------------
		Latency postgisJdbc;
		double postgisInServerMicros;
		try (Connection c = DriverManager.getConnection(withDatabase(superuser, "postgres"))) {
			try (Statement s = c.createStatement()) {
				s.execute("drop database if exists gridbench_postgis with (force)");
				s.execute("create database gridbench_postgis");
			}
		}
		try (Connection c = DriverManager.getConnection(withDatabase(superuser, "gridbench_postgis"))) {
			load(c, large);
			postgisJdbc = postgisPerLookup(c, large, 20_000);
			postgisInServerMicros = postgisInServer(c, large, 100_000);
		}

		// ---- 3. statistics over 1,000,000 cases --------------------------------------------------------
		PostgresServer server = PostgresServer.external(withDatabase(superuser, "postgres"));
		DatabaseCredentials db = server.createDatabase("gridbench_cases", true);
		migrate(db);
		generateCases(db, 1_000_000);
		double[] statistics = statistics(db);

		// ---- 4. case intake through the gateway and straight into grid-service ----------------------------
		Object intake = runIntake(server, superuser, small, connections, intakeSeconds);

		// ---- report -------------------------------------------------------------------------------------
		System.out.println();
		System.out.println("load average at the end: " + loadAverage() + " (on a shared machine every figure is noisier; "
				+ "ratios against the same run's baseline are the ones to read)");
		reportPointLocation(points);
		System.out.println("PostGIS ST_Contains with a GiST index, the same 100,000 polygons");
		System.out.println("  per lookup over JDBC (what a service would pay): " + postgisJdbc.describe());
		System.out.printf(Locale.ROOT, "  amortized inside the server (100k points, one statement): %.2f µs per lookup%n",
				postgisInServerMicros);
		System.out.printf(Locale.ROOT, "  JTS faster than PostGIS over JDBC: p50 %.0f×  p99 %.0f×   (target ≥ 20×)%n",
				postgisJdbc.p50 / big.p50, postgisJdbc.p99 / big.p99);
		System.out.printf(Locale.ROOT, "  JTS faster than PostGIS in-server (mean vs mean): %.0f×%n",
				postgisInServerMicros * 1000 / big.mean);
		System.out.println("statistics over 1,000,000 cases (grid-service StatisticsQuery, RLS on, median of 5)");
		System.out.printf(Locale.ROOT, "  baseline count(*) of the cases (case_fact): %.0f ms%n", statistics[0]);
		System.out.printf(Locale.ROOT, "  per grid, a whole year (every case): %.0f ms = %.1f× the count   (target < 500 ms)%n",
				statistics[1], statistics[1] / statistics[0]);
		System.out.printf(Locale.ROOT, "  per street, a whole year:            %.0f ms = %.1f× the count%n", statistics[2],
				statistics[2] / statistics[0]);
		System.out.printf(Locale.ROOT, "  per grid, the last 30 days:          %.0f ms = %.1f× the count%n", statistics[3],
				statistics[3] / statistics[0]);
		reportIntake(intake);
	}

	/** Part 1's figures: the 1,000 baseline, the 100,000 grid index, the same over the former R-tree path. */
	record PointLocation(int queries, Latency base, Latency big, Latency tree, double buildSeconds,
			double treeBuildSeconds, double rebuildSeconds, MemoryFloor memory) {
	}

	/**
	 * What one dependent memory read costs over the indexes' footprints on this machine: a pointer chase (each read's
	 * address comes from the one before, as in a lookup: cell, then its list, then the part's edges) through a random
	 * cycle over an int array of the index's size.
	 */
	record MemoryFloor(long smallBytes, long bigBytes, double smallNanos, double bigNanos) {
	}

	static MemoryFloor memoryFloor(long smallBytes, long bigBytes) {
		double small = Double.MAX_VALUE;
		double big = Double.MAX_VALUE;
		for (int round = 0; round < 3; round++) {
			small = Math.min(small, chaseNanos(smallBytes));
			big = Math.min(big, chaseNanos(bigBytes));
		}
		return new MemoryFloor(smallBytes, bigBytes, small, big);
	}

	private static double chaseNanos(long bytes) {
		int n = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 8, bytes / 4));
		int[] next = new int[n];
		// Sattolo's shuffle: one cycle through every slot, so the chase never settles into a small loop
		Random random = new Random(7);
		for (int i = 0; i < n; i++) {
			next[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i);
			int t = next[i];
			next[i] = next[j];
			next[j] = t;
		}
		int reads = 2_000_000;
		int at = 0;
		for (int i = 0; i < reads / 4; i++) {
			at = next[at];
		}
		long start = System.nanoTime();
		for (int i = 0; i < reads; i++) {
			at = next[at];
		}
		double nanos = (System.nanoTime() - start) / (double) reads;
		if (at == -1) {
			System.out.print("");
		}
		return nanos;
	}

	/** Part 1: in-process point location, three interleaved rounds, medians. */
	static PointLocation pointLocation(int queries) {
		List<Geometry> small = tessellation(1_000, 1);
		List<Geometry> large = tessellation(100_000, 2);
		// interleaved rounds, medians: drift on a shared machine hits both alike
		List<Latency> smallRuns = new ArrayList<>();
		List<Latency> largeRuns = new ArrayList<>();
		List<Latency> treeRuns = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			smallRuns.add(locate("1,000 grids", small, queries, false));
			largeRuns.add(locate("100,000 grids", large, queries, false));
			treeRuns.add(locate("100,000 HPRtree", large, queries, true));
		}
		List<PolygonIndex.Entry<Integer>> entries = entries(large);
		double buildSeconds = Double.MAX_VALUE;
		double treeBuildSeconds = Double.MAX_VALUE;
		for (int round = 0; round < 3; round++) {
			long start = System.nanoTime();
			PolygonIndex.build(entries);
			buildSeconds = Math.min(buildSeconds, (System.nanoTime() - start) / 1e9);
			start = System.nanoTime();
			PolygonIndex.build(entries, new HPRtree());
			treeBuildSeconds = Math.min(treeBuildSeconds, (System.nanoTime() - start) / 1e9);
		}
		long parseStart = System.nanoTime();
		JsonMapper json = JsonMapper.builder().build();
		List<PolygonIndex.Entry<Integer>> fromJson = new ArrayList<>(large.size());
		for (int i = 0; i < large.size(); i++) {
			Geometry g = GeoJsonPolygons.readStored(json.readTree(GeoJsonPolygons.toGeoJson(large.get(i))));
			fromJson.add(new PolygonIndex.Entry<>(i, g, 4, g.getArea(), Integer.toString(i)));
		}
		PolygonIndex.build(fromJson);
		double rebuildSeconds = (System.nanoTime() - parseStart) / 1e9;
		MemoryFloor memory = memoryFloor(PolygonIndex.build(entries(small)).memoryBytes(),
				PolygonIndex.build(entries).memoryBytes());
		return new PointLocation(queries, median(smallRuns), median(largeRuns), median(treeRuns), buildSeconds,
				treeBuildSeconds, rebuildSeconds, memory);
	}

	static void reportPointLocation(PointLocation r) {
		Latency base = r.base();
		Latency big = r.big();
		Latency tree = r.tree();
		System.out.println("point → grid, in process (grid-service PolygonIndex: a uniform cell grid, then ray crossing; "
				+ "median of 3 interleaved rounds of " + String.format(Locale.ROOT, "%,d", r.queries()) + " lookups)");
		System.out.println("  wall clock per lookup (includes the thread being descheduled on a busy machine):");
		System.out.println("  " + base.describe());
		System.out.println("  " + big.describe());
		System.out.println("  " + tree.describe() + "  (the former path: JTS HPRtree, then ray crossing)");
		System.out.printf(Locale.ROOT, "  100k / 1k:  p50 %.2f×  p99 %.2f×   (target: p99 ≤ 1.5× the 1k p99; "
				+ "former path p50 %.2f×  p99 %.2f×)%n", big.p50 / base.p50, big.p99 / base.p99, tree.p50 / base.p50,
				tree.p99 / base.p99);
		System.out.printf(Locale.ROOT, "  100k p99 %.2f µs                (target: < 50 µs)%n", big.p99 / 1000);
		System.out.printf(Locale.ROOT, "  lookups over 20 µs that are over 20 µs again when repeated: 1k %.0f%%, 100k %.0f%% "
				+ "(low: the tail is the machine, not the point)%n", base.slowAgain * 100, big.slowAgain * 100);
		System.out.println("  thread CPU time per lookup (time descheduled excluded; clock overhead subtracted):");
		System.out.printf(Locale.ROOT, "    1,000 grids:     p50 %.2f µs  p99 %.2f µs%n", base.cpuP50 / 1000,
				base.cpuP99 / 1000);
		System.out.printf(Locale.ROOT, "    100,000 grids:   p50 %.2f µs  p99 %.2f µs   100k / 1k p50 %.2f×  p99 %.2f×%n",
				big.cpuP50 / 1000, big.cpuP99 / 1000, big.cpuP50 / base.cpuP50, big.cpuP99 / base.cpuP99);
		System.out.printf(Locale.ROOT, "    100,000 HPRtree: p50 %.2f µs  p99 %.2f µs   100k / 1k p50 %.2f×  p99 %.2f×%n",
				tree.cpuP50 / 1000, tree.cpuP99 / 1000, tree.cpuP50 / base.cpuP50, tree.cpuP99 / base.cpuP99);
		MemoryFloor m = r.memory();
		System.out.printf(Locale.ROOT, "  the index's arrays: 1k %.1f MB, 100k %.0f MB; one dependent memory read over "
				+ "them (pointer chase): 1k %.0f ns, 100k %.0f ns%n", m.smallBytes() / 1e6, m.bigBytes() / 1e6,
				m.smallNanos(), m.bigNanos());
		System.out.printf(Locale.ROOT, "  1.5x the 1k p99 leaves %.0f ns for a 100k lookup: %.1f dependent reads over the "
				+ "100k index at this machine's memory latency (a point in a boundary cell needs at least two: its cell's "
				+ "list, then the part's edges)%n", 1.5 * base.p99, 1.5 * base.p99 / m.bigNanos());
		System.out.printf(Locale.ROOT, "  building the 100k index from parsed polygons: %.2f s (former path %.2f s)%n",
				r.buildSeconds(), r.treeBuildSeconds());
		System.out.printf(Locale.ROOT, "  rebuilding the 100k index from stored GeoJSON: %.1f s (once per change, per replica)%n",
				r.rebuildSeconds());
	}

	/** @return the {@link IntakeLoad.Result}, or the failure's message */
	static Object runIntake(PostgresServer server, String superuser, List<Geometry> grids, int connections,
			int seconds) {
		try {
			return IntakeLoad.run(server, superuser, grids, connections, seconds);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			return String.valueOf(ex.getMessage());
		}
	}

	static void reportIntake(Object outcome) {
		if (!(outcome instanceof IntakeLoad.Result r)) {
			System.out.println("case intake: failed: " + outcome);
			return;
		}
		IntakeLoad.PathResult gw = r.gateway();
		IntakeLoad.PathResult direct = r.direct();
		IntakeLoad.Verification v = r.verification();
		System.out.printf(Locale.ROOT, "case intake (DB write, timeline, duplicate check, outbox; wrk, %d connections, "
				+ "%d s per path in windows gateway/direct/direct/gateway after a warm-up; 1,000 grids; load average %s "
				+ "before, %s after)%n", r.connections(), r.seconds(), r.loadBefore(), r.loadAfter());
		for (IntakeLoad.PathResult p : List.of(gw, direct)) {
			System.out.printf(Locale.ROOT, "  %-27s %6.0f cases/s  p50 %6.1f ms  p99 %6.1f ms  (%,d cases; errors: %s)%n",
					p.name(), p.casesPerSecond(), p.p50Millis(), p.p99Millis(), p.ok(), p.errors());
		}
		System.out.printf(Locale.ROOT, "  gateway / direct: rate %.2f×  p50 %.2f×  p99 %.2f×%n",
				gw.casesPerSecond() / direct.casesPerSecond(), gw.p50Millis() / direct.p50Millis(),
				gw.p99Millis() / direct.p99Millis());
		System.out.printf(Locale.ROOT, "  target ≥ 1,000 cases/s through the gateway: %.2f× of it%n",
				gw.casesPerSecond() / 1000);
		System.out.println("  CPU per case (ms, user + system, from /proc):");
		System.out.printf(Locale.ROOT, "    %-32s %10s %10s%n", "process", "gateway", "direct");
		java.util.Set<String> names = new java.util.LinkedHashSet<>(gw.cpu().seconds().keySet());
		names.addAll(direct.cpu().seconds().keySet());
		double gwTotal = 0;
		double directTotal = 0;
		for (String name : names) {
			double g = gw.cpuMillisPerCase(name);
			double d = direct.cpuMillisPerCase(name);
			gwTotal += g;
			directTotal += d;
			System.out.printf(Locale.ROOT, "    %-32s %10.2f %10.2f%n", name, g, d);
		}
		double gwWrk = gw.wrkCpuSeconds() * 1000 / gw.ok();
		double directWrk = direct.wrkCpuSeconds() * 1000 / direct.ok();
		System.out.printf(Locale.ROOT, "    %-32s %10.2f %10.2f%n", "load generator (wrk)", gwWrk, directWrk);
		System.out.printf(Locale.ROOT, "    %-32s %10.2f %10.2f   (2 cores = 2,000 ms of CPU per second: %,.0f and %,.0f "
				+ "cases/s if nothing else ran)%n", "total", gwTotal + gwWrk, directTotal + directWrk,
				2000 / (gwTotal + gwWrk), 2000 / (directTotal + directWrk));
		System.out.printf(Locale.ROOT, "  database check: %,d 2xx answers, %,d cases, %,d case.reported events, %,d cases "
				+ "without exactly one event, %,d events without a case, %,d cases without exactly one REPORTED timeline "
				+ "entry, %,d events not yet relayed, %,d duplicate links; %,d requests unanswered when wrk stopped, %,d "
				+ "non-2xx: %s%n", v.okAnswers(), v.cases(), v.reportedEvents(), v.casesWithoutExactlyOneEvent(),
				v.eventsWithoutCase(), v.casesWithoutExactlyOneTimelineEntry(), v.unpublished(), v.duplicateLinks(),
				v.sentNotAnswered(), v.nonOkAnswers(), v.consistent() ? "CONSISTENT" : "INCONSISTENT");
		System.out.println("  grid-service's statements in the measured windows (pg_stat_statements, server time only):");
		r.statements().forEach(line -> System.out.println("    " + line));
	}

	// ---- polygons -------------------------------------------------------------------------------------------

	/**
	 * A Voronoi tessellation of {@code n} random sites over a box sized so every cell is about 300 m across (a
	 * city grid's size), each cell densified to about 50 vertices.
	 */
	static List<Geometry> tessellation(int n, long seed) {
		Random random = new Random(seed);
		double side = Math.sqrt(n) * 0.003;
		Envelope box = new Envelope(110.0, 110.0 + side, 25.0, 25.0 + side);
		List<Coordinate> sites = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			sites.add(new Coordinate(box.getMinX() + random.nextDouble() * side, box.getMinY() + random.nextDouble() * side));
		}
		VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
		builder.setSites(sites);
		builder.setClipEnvelope(box);
		Geometry diagram = builder.getDiagram(GeoJsonPolygons.FACTORY);
		Geometry clip = GeoJsonPolygons.FACTORY.toGeometry(box);
		List<Geometry> cells = new ArrayList<>(n);
		for (int i = 0; i < diagram.getNumGeometries(); i++) {
			Geometry cell = diagram.getGeometryN(i).intersection(clip);
			if (!(cell instanceof Polygon) || cell.isEmpty()) {
				continue;
			}
			Geometry dense = Densifier.densify(cell, cell.getLength() / 48);
			cells.add(GeoJsonPolygons.FACTORY.createGeometry(dense));
		}
		return cells;
	}

	/** Latency figures in nanoseconds. */
	record Latency(String name, int count, double vertices, double p50, double p95, double p99, double p999,
			double mean, double hitRate, double cpuP50, double cpuP99, double slowAgain) {

		String describe() {
			return String.format(Locale.ROOT, "%-16s (%,d polygons, %.1f vertices on average): p50 %.2f µs  p95 %.2f µs  "
					+ "p99 %.2f µs  p99.9 %.2f µs  mean %.2f µs  hits %.1f%%", name, count, vertices, p50 / 1000, p95 / 1000,
					p99 / 1000, p999 / 1000, mean / 1000, hitRate * 100);
		}
	}

	static List<PolygonIndex.Entry<Integer>> entries(List<Geometry> cells) {
		List<PolygonIndex.Entry<Integer>> entries = new ArrayList<>(cells.size());
		for (int i = 0; i < cells.size(); i++) {
			Geometry g = cells.get(i);
			entries.add(new PolygonIndex.Entry<>(i, g, 4, Geodesy.areaSquareMeters(g), Integer.toString(i)));
		}
		return entries;
	}

	/** @param tree the former path (JTS HPRtree) instead of the cell grid */
	static Latency locate(String name, List<Geometry> cells, int queries, boolean tree) {
		List<PolygonIndex.Entry<Integer>> entries = entries(cells);
		long vertices = 0;
		Envelope extent = new Envelope();
		for (Geometry g : cells) {
			vertices += g.getNumPoints();
			extent.expandToInclude(g.getEnvelopeInternal());
		}
		PolygonIndex<Integer> index = tree ? PolygonIndex.build(entries, new HPRtree()) : PolygonIndex.build(entries);
		Random random = new Random(42);
		double[] xs = new double[queries];
		double[] ys = new double[queries];
		for (int i = 0; i < queries; i++) {
			xs[i] = extent.getMinX() + random.nextDouble() * extent.getWidth();
			ys[i] = extent.getMinY() + random.nextDouble() * extent.getHeight();
		}
		long sink = 0;
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < queries; i++) {
				Integer hit = index.locate(xs[i], ys[i]);
				sink += hit == null ? 0 : hit;
			}
		}
		long[] nanos = new long[queries];
		int hits = 0;
		for (int i = 0; i < queries; i++) {
			long start = System.nanoTime();
			Integer hit = index.locate(xs[i], ys[i]);
			nanos[i] = System.nanoTime() - start;
			if (hit != null) {
				hits++;
				sink += hit;
			}
		}
		// the same lookups timed by the thread's CPU clock, minus what reading that clock costs
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		int cpuQueries = Math.min(queries, 200_000);
		long[] overhead = new long[cpuQueries];
		for (int i = 0; i < cpuQueries; i++) {
			long start = threads.getCurrentThreadCpuTime();
			overhead[i] = threads.getCurrentThreadCpuTime() - start;
		}
		Arrays.sort(overhead);
		long clock = overhead[cpuQueries / 2];
		long[] cpu = new long[cpuQueries];
		for (int i = 0; i < cpuQueries; i++) {
			long start = threads.getCurrentThreadCpuTime();
			Integer hit = index.locate(xs[i], ys[i]);
			cpu[i] = Math.max(0, threads.getCurrentThreadCpuTime() - start - clock);
			sink += hit == null ? 0 : hit;
		}
		Arrays.sort(cpu);
		// are the slow lookups slow because of their point (then they are slow again) or because of the machine?
		int slow = 0;
		int slowAgain = 0;
		for (int i = 0; i < queries; i++) {
			if (nanos[i] > 20_000) {
				slow++;
				long start = System.nanoTime();
				Integer hit = index.locate(xs[i], ys[i]);
				if (System.nanoTime() - start > 20_000) {
					slowAgain++;
				}
				sink += hit == null ? 0 : hit;
			}
		}
		if (sink == 42) {
			System.out.print("");
		}
		Latency wall = latency(name, cells.size(), vertices / (double) cells.size(), nanos, hits / (double) queries);
		return new Latency(wall.name(), wall.count(), wall.vertices(), wall.p50(), wall.p95(), wall.p99(), wall.p999(),
				wall.mean(), wall.hitRate(), cpu[cpuQueries / 2], cpu[(int) (cpuQueries * 0.99)],
				slow == 0 ? 0 : slowAgain / (double) slow);
	}

	/** Per-figure medians of several runs. */
	static Latency median(List<Latency> runs) {
		double[] p50 = runs.stream().mapToDouble(Latency::p50).sorted().toArray();
		double[] p99 = runs.stream().mapToDouble(Latency::p99).sorted().toArray();
		double[] p999 = runs.stream().mapToDouble(Latency::p999).sorted().toArray();
		double[] mean = runs.stream().mapToDouble(Latency::mean).sorted().toArray();
		Latency first = runs.get(0);
		int m = runs.size() / 2;
		double[] cpu50 = runs.stream().mapToDouble(Latency::cpuP50).sorted().toArray();
		double[] cpu99 = runs.stream().mapToDouble(Latency::cpuP99).sorted().toArray();
		double[] p95 = runs.stream().mapToDouble(Latency::p95).sorted().toArray();
		double[] again = runs.stream().mapToDouble(Latency::slowAgain).sorted().toArray();
		return new Latency(first.name(), first.count(), first.vertices(), p50[m], p95[m], p99[m], p999[m], mean[m],
				first.hitRate(), cpu50[m], cpu99[m], again[m]);
	}

	static Latency latency(String name, int count, double vertices, long[] nanos, double hitRate) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		return new Latency(name, count, vertices, sorted[(int) (sorted.length * 0.50)],
				sorted[(int) (sorted.length * 0.95)], sorted[(int) (sorted.length * 0.99)],
				sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.999)], mean, hitRate, 0, 0, 0);
	}

	// ---- PostGIS --------------------------------------------------------------------------------------------

	static void load(Connection c, List<Geometry> cells) throws Exception {
		try (Statement s = c.createStatement()) {
			s.execute("create extension if not exists postgis");
			s.execute("create table bench_grid (id int primary key, geom geometry(Polygon, 4326) not null)");
		}
		WKBWriter wkb = new WKBWriter(2, true);
		StringBuilder copy = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			Geometry g = cells.get(i).copy();
			g.setSRID(4326);
			copy.append(i).append('\t').append(WKBWriter.toHex(wkb.write(g))).append('\n');
		}
		((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
			.copyIn("copy bench_grid (id, geom) from stdin", new StringReader(copy.toString()));
		try (Statement s = c.createStatement()) {
			s.execute("create index bench_grid_geom on bench_grid using gist (geom)");
			s.execute("vacuum analyze bench_grid");
		}
	}

	static Latency postgisPerLookup(Connection c, List<Geometry> cells, int queries) throws SQLException {
		Envelope extent = new Envelope();
		cells.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
		Random random = new Random(7);
		long[] nanos = new long[queries];
		int hits = 0;
		try (PreparedStatement ps = c.prepareStatement("select id from bench_grid "
				+ "where ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) limit 1")) {
			for (int round = 0; round < 2; round++) {
				for (int i = 0; i < queries; i++) {
					ps.setDouble(1, extent.getMinX() + random.nextDouble() * extent.getWidth());
					ps.setDouble(2, extent.getMinY() + random.nextDouble() * extent.getHeight());
					long start = System.nanoTime();
					try (ResultSet rs = ps.executeQuery()) {
						if (rs.next()) {
							hits += round;
						}
					}
					nanos[i] = System.nanoTime() - start;
				}
			}
		}
		double vertices = cells.stream().mapToInt(Geometry::getNumPoints).average().orElse(0);
		return latency("PostGIS", cells.size(), vertices, nanos, hits / (double) queries);
	}

	static double postgisInServer(Connection c, List<Geometry> cells, int points) throws SQLException {
		Envelope extent = new Envelope();
		cells.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
		try (Statement s = c.createStatement()) {
			s.execute(String.format(Locale.ROOT, "create table bench_point as select i, ST_SetSRID(ST_MakePoint("
					+ "%f + random() * %f, %f + random() * %f), 4326) as pt from generate_series(1, %d) i",
					extent.getMinX(), extent.getWidth(), extent.getMinY(), extent.getHeight(), points));
			s.execute("analyze bench_point");
			String sql = "select count(g.id) from bench_point p cross join lateral (select id from bench_grid g "
					+ "where ST_Contains(g.geom, p.pt) limit 1) g";
			s.executeQuery(sql).close();
			long start = System.nanoTime();
			s.executeQuery(sql).close();
			return (System.nanoTime() - start) / 1000.0 / points;
		}
	}

	// ---- statistics -----------------------------------------------------------------------------------------

	static void migrate(DatabaseCredentials db) {
		Flyway flyway = Flyway.configure()
			.dataSource(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())
			.locations("classpath:db/migration")
			.load();
		new ServiceDefaultsMigrations(db.appUser()).migrate(flyway);
	}

	static void generateCases(DatabaseCredentials db, int n) throws SQLException {
		long start = System.nanoTime();
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
				Statement s = c.createStatement()) {
			s.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
			// 5 streets × 20 communities × 10 grids; a year of reports; 80% closed with ratings, some open, some late
			s.execute(String.format(Locale.ROOT, """
					insert into grid_case (id, tenant_id, number, channel, category_code, priority, status, title,
					  description, lat, lng, region, street_path, community_path, grid_path, queue_region, reporter_kind,
					  reported_at, accepted_at, dispatched_at, resolved_at, feedback_at, evaluated_at, closed_at,
					  deadline_at, rating)
					select gen_random_uuid(), '%1$s', 'B' || g,
					  (array['APP','HOTLINE','PATROL','VISIT','INTEGRATOR'])[1 + g %% 5],
					  (array['env-garbage','facility-manhole','facility-elevator','dispute-neighbour','suggestion'])[1 + g %% 5],
					  'NORMAL', s.status, '井盖缺失', '小区门口井盖缺失', 21.8, 111.9, path, street, community, path, path,
					  'person', t.reported, t.reported + interval '1 hour', t.reported + interval '2 hours',
					  case when s.status in ('RESOLVED', 'CLOSED') then t.reported + t.handling end,
					  case when s.status = 'CLOSED' then t.reported + t.handling + interval '1 hour' end,
					  case when s.status = 'CLOSED' then t.reported + t.handling + interval '1 day' end,
					  case when s.status = 'CLOSED' then t.reported + t.handling + interval '1 day 1 hour' end,
					  t.reported + interval '72 hours',
					  case when s.status = 'CLOSED' then 1 + (g %% 5) end
					from generate_series(1, %2$d) g
					cross join lateral (select '%1$s/S' || (g %% 5) as street,
					  '%1$s/S' || (g %% 5) || '/C' || (g %% 100) as community,
					  '%1$s/S' || (g %% 5) || '/C' || (g %% 100) || '/G' || (g %% 1000) as path) p
					cross join lateral (select case when g %% 10 = 0 then 'DISPATCHED' when g %% 10 = 1 then 'RESOLVED'
					  else 'CLOSED' end as status) s
					cross join lateral (select now() - random() * interval '365 days' as reported,
					  random() * interval '96 hours' as handling) t
					""", TENANT, n));
			s.execute("""
					insert into case_escalation (tenant_id, case_id, round, level, from_region, to_region, escalated_at,
					  street_path, community_path, grid_path)
					select tenant_id, id, 0, 3, grid_path, community_path, deadline_at, street_path, community_path, grid_path
					from grid_case where number like '%7' and resolved_at > deadline_at
					""");
		}
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
				Statement s = c.createStatement()) {
			s.execute("vacuum analyze grid_case");
			s.execute("vacuum analyze case_escalation");
			s.execute("vacuum analyze case_fact");
		}
		System.out.printf(Locale.ROOT, "generated %,d cases in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
	}

	/** @return medians in ms: count(*), grid/year, street/year, grid/30 days */
	static double[] statistics(DatabaseCredentials db) throws SQLException {
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
			try (Statement s = c.createStatement()) {
				s.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
			}
			// each run in its own transaction, as the service runs it
			c.setAutoCommit(false);
			DataSource dataSource = new SingleConnectionDataSource(c, true);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			StatisticsQuery query = new StatisticsQuery(jdbc);
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			double count = median(() -> inTransaction(c,
					() -> jdbc.sql("select count(*) from case_fact").query(Long.class).single()));
			double gridYear = median(() -> inTransaction(c, () -> query.run("grid", TENANT, now.minusDays(366), now)));
			double streetYear = median(() -> inTransaction(c, () -> query.run("street", TENANT, now.minusDays(366), now)));
			double gridMonth = median(() -> inTransaction(c, () -> query.run("grid", TENANT, now.minusDays(30), now)));
			List<StatisticsQuery.Sums> check = inTransaction(c, () -> query.run("grid", TENANT, now.minusDays(366), now));
			long received = check.stream().mapToLong(StatisticsQuery.Sums::received).sum();
			System.out.printf(Locale.ROOT, "statistics check: %,d units, %,d cases received%n", check.size(), received);
			return new double[] { count, gridYear, streetYear, gridMonth };
		}
	}

	static <T> T inTransaction(Connection c, java.util.function.Supplier<T> work) {
		try {
			T result = work.get();
			c.commit();
			return result;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static double median(Runnable work) {
		work.run();
		double[] ms = new double[5];
		for (int i = 0; i < ms.length; i++) {
			long start = System.nanoTime();
			work.run();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		return ms[2];
	}

	static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	static String withDatabase(String superuserUrl, String database) {
		// jdbc:postgresql://host:port/db?params
		int slash = superuserUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = superuserUrl.indexOf('?');
		return superuserUrl.substring(0, slash + 1) + database + (query < 0 ? "" : superuserUrl.substring(query));
	}
}
