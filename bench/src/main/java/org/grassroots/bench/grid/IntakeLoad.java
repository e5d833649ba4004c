package org.grassroots.bench.grid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.grassroots.grid.geo.GeoJsonPolygons;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.RedisServerHandle;
import org.grassroots.testsupport.TestInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Case intake straight into grid-service (its executable jar, its own database, Redis, outbox relay on): concurrent
 * clients POST cases at random points over 1,000 grids; sustained rate and latency. The gateway is not in the path
 * (its overhead is bench/gateway's figure).
 */
final class IntakeLoad {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private IntakeLoad() {
	}

	/** What was measured. */
	record Result(double casesPerSecond, double p50Millis, double p99Millis, long cases, long errors, int clients,
			int seconds) {
	}

	static Result run(DatabaseCredentials db, List<Geometry> grids, int clients, int seconds) throws Exception {
		Path jar = Path.of("grid-service", "target", "grid-service-0.1.0-SNAPSHOT-exec.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("build grid-service first: " + jar);
		}
		Path work = Files.createTempDirectory("grassroots-bench-intake");
		Path copy = work.resolve("grid-service.jar");
		Files.copy(jar, copy);
		seedGrids(db, grids);
		try (RedisServerHandle redis = RedisServerHandle.embedded(null, 0)) {
			int port = RedisServerHandle.freePort();
			String java = ProcessHandle.current().info().command().orElse("java");
			ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-jar", copy.toString())
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("grid-service.log").toFile());
			Map<String, String> env = builder.environment();
			env.put("SERVER_PORT", String.valueOf(port));
			env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
			env.put("SPRING_DATASOURCE_USERNAME", db.appUser());
			env.put("SPRING_DATASOURCE_PASSWORD", db.appPassword());
			env.put("SPRING_FLYWAY_USER", db.ownerUser());
			env.put("SPRING_FLYWAY_PASSWORD", db.ownerPassword());
			env.put("SPRING_DATA_REDIS_URL", redis.url());
			env.put("GRASSROOTS_SECURITY_INTERNAL_TOKEN_JWK_SET", TestTokens.jwkSetJson());
			env.put("SPRING_APPLICATION_JSON", "{\"grassroots\":{\"privacy\":{\"encryption-keys\":{\"bench\":\""
					+ TestInfrastructure.PRIVACY_KEY + "\"},\"active-key\":\"bench\",\"blind-index-key\":\""
					+ TestInfrastructure.BLIND_INDEX_KEY + "\"}}}");
			env.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
			env.put("MANAGEMENT_TRACING_ENABLED", "false");
			env.put("LOGGING_LEVEL_ROOT", "WARN");
			Process service = builder.start();
			try {
				String base = "http://127.0.0.1:" + port;
				awaitReady(base, service, work);
				Result result = load(base, grids, clients, seconds);
				Files.deleteIfExists(work.resolve("grid-service.log"));
				return result;
			}
			finally {
				service.destroy();
				service.waitFor();
				// the jar copy goes; the log stays only when something failed
				Files.deleteIfExists(copy);
				try (var left = Files.list(work)) {
					if (left.findAny().isEmpty()) {
						Files.delete(work);
					}
				}
			}
		}
	}

	/** 1,000 grids under one street and community of the bench tenant, straight into the tables. */
	private static void seedGrids(DatabaseCredentials db, List<Geometry> grids) throws Exception {
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
			try (Statement s = c.createStatement()) {
				s.execute("select set_config('app.tenant_id', '441702', false)");
				s.execute("insert into grid (id, tenant_id, code, name, level, region) values "
						+ "('00000000-0000-0000-0000-000000000001', '441702', 'S1', '街道', 'STREET', '441702/S1')");
				s.execute("insert into grid (id, tenant_id, code, name, level, parent_id, region) values "
						+ "('00000000-0000-0000-0000-000000000002', '441702', 'C1', '社区', 'COMMUNITY', "
						+ "'00000000-0000-0000-0000-000000000001', '441702/S1/C1')");
			}
			try (PreparedStatement ps = c.prepareStatement("insert into grid (id, tenant_id, code, name, level, parent_id, "
					+ "region, geometry, area_m2) values (?, '441702', ?, ?, 'GRID', "
					+ "'00000000-0000-0000-0000-000000000002', ?, cast(? as jsonb), ?)")) {
				for (int i = 0; i < grids.size(); i++) {
					ps.setObject(1, UUID.randomUUID());
					ps.setString(2, "G" + i);
					ps.setString(3, "网格" + i);
					ps.setString(4, "441702/S1/C1/G" + i);
					ps.setString(5, GeoJsonPolygons.toGeoJson(grids.get(i)));
					ps.setDouble(6, grids.get(i).getArea());
					ps.addBatch();
				}
				ps.executeBatch();
			}
			try (Statement s = c.createStatement()) {
				s.execute("insert into grid_index_version (tenant_id, version) values ('441702', "
						+ "nextval('grid_index_version_seq'))");
			}
		}
	}

	private static Result load(String base, List<Geometry> grids, int clients, int seconds) throws Exception {
		Envelope extent = new Envelope();
		grids.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
		String token = TestTokens.builder("441702", "bench-hotline").kind("integrator").roles("INTEGRATOR")
			.scopes("cases:write").ttl(Duration.ofHours(2)).mint();
		// warm-up, then the measured window
		runClients(base, token, extent, clients, 10, false);
		return runClients(base, token, extent, clients, seconds, true);
	}

	private static Result runClients(String base, String token, Envelope extent, int clients, int seconds,
			boolean measured) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<long[]>> futures = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			futures.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				long errors = 0;
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (running.get()) {
					double lat = extent.getMinY() + random.nextDouble() * extent.getHeight();
					double lng = extent.getMinX() + random.nextDouble() * extent.getWidth();
					String body = String.format(Locale.ROOT, "{\"category\":\"env-garbage\",\"description\":\"垃圾堆放未清运\","
							+ "\"lat\":%.6f,\"lng\":%.6f}", lat, lng);
					long start = System.nanoTime();
					try {
						HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
							.build(), HttpResponse.BodyHandlers.discarding());
						if (r.statusCode() != 201) {
							errors++;
						}
					}
					catch (IOException ex) {
						errors++;
					}
					latencies.add(System.nanoTime() - start);
				}
				long[] out = new long[latencies.size() + 1];
				out[0] = errors;
				for (int j = 0; j < latencies.size(); j++) {
					out[j + 1] = latencies.get(j);
				}
				return out;
			}));
		}
		Thread.sleep(seconds * 1000L);
		running.set(false);
		List<Long> all = new ArrayList<>();
		long errors = 0;
		for (Future<long[]> f : futures) {
			long[] r = f.get();
			errors += r[0];
			for (int j = 1; j < r.length; j++) {
				all.add(r[j]);
			}
		}
		pool.shutdown();
		long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		if (!measured || sorted.length == 0) {
			return null;
		}
		return new Result(sorted.length / (double) seconds, sorted[(int) (sorted.length * 0.5)] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6, sorted.length, errors, clients, seconds);
	}

	private static void awaitReady(String base, Process service, Path work) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			if (!service.isAlive()) {
				throw new IllegalStateException("grid-service exited; see " + work.resolve("grid-service.log"));
			}
			try {
				HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("grid-service not ready in time; see " + work.resolve("grid-service.log"));
	}
}
