package org.grassroots.bench.center;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.grassroots.center.map.SpatialIndex;
import org.grassroots.center.support.Geo;

/**
 * Nearest-5 over 100,000 stations: center-service's in-process index (the public map's SpatialIndex) against a
 * brute-force scan of the same array and PostGIS KNN ({@code ORDER BY geog <-> point LIMIT 5}, GiST index) on the
 * same points, all in one run.
 */
final class KnnBench {

	record Station(int id, double lat, double lng, boolean open) implements SpatialIndex.Located {
	}

	private KnnBench() {
	}

	static String run(int stations, int queries, String postgisUrl) throws Exception {
		Random random = new Random(20261121);
		List<Station> points = new ArrayList<>(stations);
		for (int i = 0; i < stations; i++) {
			points.add(new Station(i, 21.0 + random.nextDouble() * 3.0, 110.0 + random.nextDouble() * 6.0,
					random.nextInt(10) < 7));
		}
		double[][] q = new double[queries][2];
		for (int i = 0; i < queries; i++) {
			q[i][0] = 21.0 + random.nextDouble() * 3.0;
			q[i][1] = 110.0 + random.nextDouble() * 6.0;
		}
		StringBuilder out = new StringBuilder();
		long buildStart = System.nanoTime();
		SpatialIndex<Station> index = new SpatialIndex<>(points);
		double buildMs = (System.nanoTime() - buildStart) / 1e6;

		// warm-up (JIT), then measure every query on its own
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < queries; i++) {
				index.nearest(q[i][0], q[i][1], 5, Double.POSITIVE_INFINITY, s -> true);
			}
		}
		Latencies plain = new Latencies(queries);
		Latencies filtered = new Latencies(queries);
		for (int i = 0; i < queries; i++) {
			long t = System.nanoTime();
			index.nearest(q[i][0], q[i][1], 5, Double.POSITIVE_INFINITY, s -> true);
			plain.add(System.nanoTime() - t);
			t = System.nanoTime();
			index.nearest(q[i][0], q[i][1], 5, 50_000, Station::open);
			filtered.add(System.nanoTime() - t);
		}
		int scanQueries = Math.min(queries, 2_000);
		Latencies scan = new Latencies(scanQueries);
		for (int i = 0; i < scanQueries; i++) {
			long t = System.nanoTime();
			bruteForce(points, q[i][0], q[i][1], 5);
			scan.add(System.nanoTime() - t);
		}
		out.append(String.format("%n[1] nearest-5 over %,d stations (%,d queries; index built in %.0f ms)%n", stations,
				queries, buildMs));
		out.append(String.format("%-44s %10s %10s %10s%n", "variant", "p50 µs", "p99 µs", "max µs"));
		row(out, "in-process SpatialIndex (STRtree best-first)", plain);
		row(out, "in-process, filter open-now + 50 km radius", filtered);
		row(out, "in-process brute-force scan (baseline)", scan);

		// agreement of the index with brute force on a sample
		int agree = 0;
		for (int i = 0; i < 500; i++) {
			if (ids(index.nearest(q[i][0], q[i][1], 5, Double.POSITIVE_INFINITY, s -> true))
				.equals(new HashSet<>(bruteForce(points, q[i][0], q[i][1], 5)))) {
				agree++;
			}
		}
		Latencies postgis = null;
		int postgisAgree = 0;
		int postgisQueries = Math.min(queries, 10_000);
		if (postgisUrl != null && !postgisUrl.isBlank()) {
			try (Connection c = DriverManager.getConnection(postgisUrl)) {
				load(c, points);
				try (PreparedStatement ps = c.prepareStatement("select id from station "
						+ "order by geog <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography limit 5")) {
					for (int i = 0; i < 1_000; i++) {
						knn(ps, q[i][0], q[i][1]);
					}
					postgis = new Latencies(postgisQueries);
					for (int i = 0; i < postgisQueries; i++) {
						long t = System.nanoTime();
						Set<Integer> found = knn(ps, q[i][0], q[i][1]);
						postgis.add(System.nanoTime() - t);
						if (i < 500 && found.equals(new HashSet<>(bruteForce(points, q[i][0], q[i][1], 5)))) {
							postgisAgree++;
						}
					}
				}
			}
			row(out, "PostGIS KNN <-> (geography, GiST, JDBC loopback)", postgis);
		}
		else {
			out.append("PostGIS: not measured (no CENTER_BENCH_POSTGIS_URL)\n");
		}
		out.append(String.format("%nratios: index p99 / PostGIS p99 = %s; brute-force p99 / index p99 = %.0fx%n",
				postgis == null ? "n/a" : String.format("%.3f (PostGIS %.1fx slower)", plain.micros(99) / postgis.micros(99),
						postgis.micros(99) / plain.micros(99)),
				scan.micros(99) / plain.micros(99)));
		out.append(String.format("same 5 stations as brute force on 500 queries: index %d/500%s%n", agree,
				postgis == null ? "" : String.format(", PostGIS %d/500 (sphere vs spheroid ties aside)", postgisAgree)));
		out.append(String.format("target: in-process p99 < 1 ms -> %s (p99 %.1f µs)%n",
				plain.micros(99) < 1000 ? "MET" : "MISSED", plain.micros(99)));
		return out.toString();
	}

	private static void row(StringBuilder out, String name, Latencies l) {
		out.append(String.format("%-44s %10.1f %10.1f %10.1f%n", name, l.micros(50), l.micros(99), l.micros(100)));
	}

	private static Set<Integer> ids(List<SpatialIndex.Neighbor<Station>> found) {
		Set<Integer> ids = new HashSet<>();
		found.forEach(n -> ids.add(n.item().id()));
		return ids;
	}

	static List<Integer> bruteForce(List<Station> points, double lat, double lng, int k) {
		int[] best = new int[k];
		double[] dist = new double[k];
		java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
		for (Station s : points) {
			double d = Geo.distanceMeters(lat, lng, s.lat(), s.lng());
			if (d < dist[k - 1]) {
				int i = k - 1;
				while (i > 0 && dist[i - 1] > d) {
					dist[i] = dist[i - 1];
					best[i] = best[i - 1];
					i--;
				}
				dist[i] = d;
				best[i] = s.id();
			}
		}
		List<Integer> out = new ArrayList<>();
		for (int id : best) {
			out.add(id);
		}
		return out;
	}

	private static Set<Integer> knn(PreparedStatement ps, double lat, double lng) throws Exception {
		ps.setDouble(1, lng);
		ps.setDouble(2, lat);
		Set<Integer> ids = new HashSet<>();
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getInt(1));
			}
		}
		return ids;
	}

	private static void load(Connection c, List<Station> points) throws Exception {
		try (Statement s = c.createStatement()) {
			s.execute("create extension if not exists postgis");
			s.execute("drop table if exists station");
			s.execute("create table station (id int primary key, geog geography(Point, 4326) not null)");
		}
		Double[] lats = new Double[points.size()];
		Double[] lngs = new Double[points.size()];
		Integer[] ids = new Integer[points.size()];
		for (int i = 0; i < points.size(); i++) {
			lats[i] = points.get(i).lat();
			lngs[i] = points.get(i).lng();
			ids[i] = points.get(i).id();
		}
		try (PreparedStatement ps = c.prepareStatement("insert into station (id, geog) select i, "
				+ "ST_SetSRID(ST_MakePoint(x, y), 4326)::geography from unnest(?, ?, ?) as t(i, x, y)")) {
			Array idArray = c.createArrayOf("int4", ids);
			Array x = c.createArrayOf("float8", lngs);
			Array y = c.createArrayOf("float8", lats);
			ps.setArray(1, idArray);
			ps.setArray(2, x);
			ps.setArray(3, y);
			ps.executeUpdate();
		}
		try (Statement s = c.createStatement()) {
			s.execute("create index station_geog on station using gist (geog)");
			s.execute("analyze station");
		}
	}
}
