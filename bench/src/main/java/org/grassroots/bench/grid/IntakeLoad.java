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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.grassroots.grid.geo.GeoJsonPolygons;
import org.grassroots.bench.BenchIssuer;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.PostgresServer;
import org.grassroots.testsupport.RedisServerHandle;
import org.grassroots.testsupport.TestInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Case intake through the gateway, against the same straight into grid-service, in one run: the gateway's and
 * grid-service's executable jars, each with its own database in the bench's PostgreSQL, one embedded Redis (rate
 * limits, the outbox stream), a local OIDC issuer for the set-up, a district and an integrator client whose API key
 * may write cases. wrk POSTs cases at random points inside the 1,000 grids at fixed concurrency; after a warm-up of
 * both paths the measured windows run gateway, direct, direct, gateway (half the time each), so the case table's
 * growth during the run weighs on both alike. CPU time per process comes from /proc; afterwards the database must
 * hold exactly one case, one timeline entry and one {@code case.reported} outbox event per 2xx answer.
 */
final class IntakeLoad {

	static final String TENANT = "441702";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private IntakeLoad() {
	}

	/** One path (gateway or direct) over its measured windows. */
	record PathResult(String name, double casesPerSecond, double p50Millis, double p99Millis, long ok, long answered,
			String errors, ProcessCpu.Snapshot cpu, double wrkCpuSeconds) {

		double cpuMillisPerCase(String process) {
			return cpu.get(process) * 1000 / ok;
		}
	}

	/** Database checks after the run. */
	record Verification(long okAnswers, long sentNotAnswered, long nonOkAnswers, long cases, long reportedEvents,
			long casesWithoutExactlyOneEvent, long eventsWithoutCase, long casesWithoutExactlyOneTimelineEntry,
			long unpublished, long duplicateLinks) {

		/** Every 2xx made exactly one case; the only extra cases may come from requests wrk stopped waiting for. */
		boolean consistent() {
			return cases >= okAnswers && cases <= okAnswers + sentNotAnswered + nonOkAnswers && reportedEvents == cases
					&& casesWithoutExactlyOneEvent == 0 && eventsWithoutCase == 0
					&& casesWithoutExactlyOneTimelineEntry == 0;
		}
	}

	/** What was measured. */
	record Result(PathResult gateway, PathResult direct, Verification verification, int connections, int seconds,
			String loadBefore, String loadAfter, List<String> statements) {
	}

	private static void analyze(String superuser, String database) throws Exception {
		try (Connection c = DriverManager.getConnection(GridBench.withDatabase(superuser, database));
				Statement s = c.createStatement()) {
			s.execute("vacuum analyze");
		}
	}

	/** pg_stat_statements counts from here on (the measured windows), if the server loaded it. */
	private static void resetStatements(String superuser) {
		try (Connection c = DriverManager.getConnection(superuser); Statement s = c.createStatement()) {
			s.execute("create extension if not exists pg_stat_statements");
			s.execute("select pg_stat_statements_reset()");
		}
		catch (Exception ex) {
			System.out.println("intake: no pg_stat_statements (" + ex.getMessage() + ")");
		}
	}

	/** grid-service's statements in the measured windows, by total execution time, per case. */
	private static List<String> topStatements(String superuser, long cases) {
		List<String> out = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(superuser); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						select calls, total_exec_time, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
						from pg_stat_statements p join pg_database d on d.oid = p.dbid
						where d.datname = 'gridbench_intake' order by total_exec_time desc limit 12""")) {
			while (rs.next()) {
				String query = rs.getString(4);
				out.add(String.format(Locale.ROOT, "%6.2f calls/case %8.3f ms mean %7.3f ms/case  %s",
						rs.getLong(1) / (double) cases, rs.getDouble(3), rs.getDouble(2) / cases,
						query.length() > 110 ? query.substring(0, 110) + "…" : query));
			}
		}
		catch (Exception ex) {
			out.add("(pg_stat_statements unavailable: " + ex.getMessage() + ")");
		}
		return out;
	}

	static Result run(PostgresServer server, String superuser, List<Geometry> grids, int connections, int seconds)
			throws Exception {
		Path gatewayJar = Path.of("gateway", "target", "gateway-0.1.0-SNAPSHOT-exec.jar");
		Path gridJar = Path.of("grid-service", "target", "grid-service-0.1.0-SNAPSHOT-exec.jar");
		for (Path jar : List.of(gatewayJar, gridJar)) {
			if (!Files.exists(jar)) {
				throw new IllegalStateException("build it first: " + jar);
			}
		}
		Path work = Files.createTempDirectory("grassroots-bench-intake");
		// private copies: a rebuild of a module during the run must not swap a jar under its JVM
		Files.copy(gatewayJar, work.resolve("gateway.jar"));
		Files.copy(gridJar, work.resolve("grid-service.jar"));
		DatabaseCredentials gridDb = server.createDatabase("gridbench_intake", true);
		GridBench.migrate(gridDb);
		seedGrids(gridDb, grids);
		DatabaseCredentials gatewayDb = server.createDatabase("gridbench_gateway", true);
		long postmaster = postmasterPid(superuser);
		boolean failed = true;
		try (RedisServerHandle redis = RedisServerHandle.embedded(null, 0); BenchIssuer issuer = BenchIssuer.start()) {
			RSAKey internalKey = new RSAKeyGenerator(2048).keyID("bench-gateway-" + UUID.randomUUID()).generate();
			// grid-service trusts the gateway's key and the test key the direct path's token is signed with
			List<JWK> trusted = new ArrayList<>(JWKSet.parse(TestTokens.jwkSetJson()).getKeys());
			trusted.add(internalKey.toPublicJWK());
			int gridPort = RedisServerHandle.freePort();
			int gatewayPort = RedisServerHandle.freePort();
			Process grid = startGrid(work, gridPort, gridDb, redis.url(), new JWKSet(trusted).toString());
			Process gateway = null;
			try {
				gateway = startGateway(work, gatewayPort, gatewayDb, redis.url(), issuer, internalKey, gridPort);
				String direct = "http://127.0.0.1:" + gridPort;
				String viaGateway = "http://127.0.0.1:" + gatewayPort;
				awaitReady(direct, grid, work, "grid-service");
				awaitReady(viaGateway, gateway, work, "gateway");

				call(viaGateway, "/api/v1/platform/tenants", issuer.token(null, "bench-operator", null, "PLATFORM_OPERATOR"),
						"{\"code\":\"" + TENANT + "\",\"name\":\"阳江市江城区\"}");
				String client = call(viaGateway, "/api/v1/platform/clients",
						issuer.token(TENANT, "bench-admin", null, "TENANT_ADMIN"),
						"{\"name\":\"12345 热线\",\"scopes\":[\"cases:write\",\"cases:read\"],\"rateLimitPerMinute\":6000000}");
				String apiKey = field(client, "apiKey");
				String directToken = "Bearer " + TestTokens.builder(TENANT, "client:bench-direct").kind("integrator")
					.roles("INTEGRATOR").scopes("cases:write", "cases:read").ttl(Duration.ofHours(3)).mint();

				Envelope extent = new Envelope();
				grids.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
				// one case per category through each door before the load: a wrong category or scope fails here
				long probes = 0;
				for (String category : WrkIntake.CATEGORIES) {
					String body = String.format(Locale.ROOT, "{\"category\":\"%s\",\"description\":\"探测\","
							+ "\"lat\":%.6f,\"lng\":%.6f}", category, extent.centre().y, extent.centre().x);
					probe(viaGateway, "X-API-Key", apiKey, body);
					probe(direct, "Authorization", directToken, body);
					probes += 2;
				}
				Path gatewayScript = WrkIntake.script(work, "gateway", extent, "X-API-Key", apiKey);
				Path directScript = WrkIntake.script(work, "direct", extent, "Authorization", directToken);

				Map<String, Long> pids = new LinkedHashMap<>();
				pids.put("grid-service JVM", grid.pid());
				pids.put("gateway JVM", gateway.pid());
				if (ProcessCpu.embeddedRedis().isEmpty()) {
					System.out.println("intake: the embedded Redis process was not found; its CPU is not counted");
				}
				ProcessCpu.embeddedRedis().ifPresent(pid -> pids.put("Redis", pid));
				Map<String, String> databases = Map.of("gridbench_intake", "PostgreSQL (grid-service db)",
						"gridbench_gateway", "PostgreSQL (gateway db)");

				String loadBefore = GridBench.loadAverage();
				List<WrkIntake.Run> all = new ArrayList<>();
				warmUp(direct, directScript, viaGateway, gatewayScript, connections, grid.pid(), gateway.pid(), all);
				// a live database has been analyzed; these tables grew from empty a minute ago, and plans cached while
				// the planner still thought them empty can walk every recent case (seen here: the duplicate scan on
				// the reporter index until the first automatic analyze)
				analyze(superuser, "gridbench_intake");
				analyze(superuser, "gridbench_gateway");
				resetStatements(superuser);
				int half = Math.max(5, seconds / 2);
				List<WrkIntake.Run> gatewayRuns = new ArrayList<>();
				List<WrkIntake.Run> directRuns = new ArrayList<>();
				ProcessCpu.Snapshot gatewayCpu = new ProcessCpu.Snapshot(Map.of());
				ProcessCpu.Snapshot directCpu = new ProcessCpu.Snapshot(Map.of());
				for (String variant : List.of("gateway", "direct", "direct", "gateway")) {
					boolean viaGw = variant.equals("gateway");
					ProcessCpu.Snapshot before = ProcessCpu.take(pids, postmaster, databases);
					double jitBefore = ProcessCpu.compiler(grid.pid()) + ProcessCpu.compiler(gateway.pid());
					WrkIntake.Run run = WrkIntake.run(variant, viaGw ? viaGateway : direct,
							viaGw ? gatewayScript : directScript, 2, connections, half);
					ProcessCpu.Snapshot used = ProcessCpu.take(pids, postmaster, databases).minus(before);
					double jit = ProcessCpu.compiler(grid.pid()) + ProcessCpu.compiler(gateway.pid()) - jitBefore;
					System.out.printf(Locale.ROOT, "  %-8s %7.0f cases/s  p50 %7.1f ms  p99 %7.1f ms  2xx %,d  errors: %s  "
							+ "(JIT compilers %.1f%% of the JVMs' CPU)%n", variant, run.requestsPerSecond(), run.p50Millis(),
							run.p99Millis(), run.ok(), run.errorsByStatus(),
							100 * share(jit, used.get("grid-service JVM") + used.get("gateway JVM")));
					run.firstErrors().forEach(e -> System.out.println("           first error of a wrk thread: " + e));
					all.add(run);
					if (viaGw) {
						gatewayRuns.add(run);
						gatewayCpu = gatewayCpu.plus(used);
					}
					else {
						directRuns.add(run);
						directCpu = directCpu.plus(used);
					}
				}
				String loadAfter = GridBench.loadAverage();
				PathResult gw = summarize("through the gateway", gatewayRuns, gatewayCpu);
				PathResult dr = summarize("straight into grid-service", directRuns, directCpu);
				List<String> statements = topStatements(superuser, gw.ok() + dr.ok());
				boolean errors = all.stream().anyMatch(run -> run.ok() != run.answered());
				// let the relay drain the outbox before counting what it left
				Thread.sleep(3000);
				Verification verification = verify(superuser, all, probes);
				// the services' logs stay when anything failed
				failed = errors;
				return new Result(gw, dr, verification, connections, half * 2, loadBefore, loadAfter, statements);
			}
			finally {
				stop(gateway);
				stop(grid);
			}
		}
		finally {
			Files.deleteIfExists(work.resolve("gateway.jar"));
			Files.deleteIfExists(work.resolve("grid-service.jar"));
			if (failed) {
				System.out.println("intake: logs kept in " + work + " (scripts hold the API key: remove the directory)");
			}
			else {
				try (var files = Files.list(work)) {
					for (Path f : files.toList()) {
						Files.deleteIfExists(f);
					}
				}
				Files.deleteIfExists(work);
			}
		}
	}

	private static PathResult summarize(String name, List<WrkIntake.Run> runs, ProcessCpu.Snapshot cpu) {
		long ok = runs.stream().mapToLong(WrkIntake.Run::ok).sum();
		long answered = runs.stream().mapToLong(WrkIntake.Run::answered).sum();
		int seconds = runs.stream().mapToInt(WrkIntake.Run::seconds).sum();
		double p50 = runs.stream().mapToDouble(WrkIntake.Run::p50Millis).average().orElse(Double.NaN);
		double p99 = runs.stream().mapToDouble(WrkIntake.Run::p99Millis).average().orElse(Double.NaN);
		double wrkCpu = runs.stream().mapToDouble(WrkIntake.Run::cpuSeconds).sum();
		StringBuilder errors = new StringBuilder();
		for (WrkIntake.Run run : runs) {
			String e = run.errorsByStatus();
			if (!e.equals("none")) {
				errors.append(errors.isEmpty() ? "" : "; ").append(e);
			}
		}
		return new PathResult(name, ok / (double) seconds, p50, p99, ok, answered,
				errors.isEmpty() ? "none" : errors.toString(), cpu, wrkCpu);
	}

	private static Verification verify(String superuser, List<WrkIntake.Run> runs, long probes) throws Exception {
		long ok = probes + runs.stream().mapToLong(WrkIntake.Run::ok).sum();
		long notAnswered = runs.stream().mapToLong(r -> Math.max(0, r.sent() - r.answered())).sum();
		long nonOk = runs.stream().mapToLong(r -> r.answered() - r.ok()).sum();
		// the superuser: row-level security does not hide anything from it
		try (Connection c = DriverManager.getConnection(GridBench.withDatabase(superuser, "gridbench_intake"));
				Statement s = c.createStatement()) {
			return new Verification(ok, notAnswered, nonOk, count(s, "select count(*) from grid_case"),
					count(s, "select count(*) from outbox_event where type = 'case.reported'"),
					count(s, """
							select count(*) from grid_case c left join (select subject, count(*) n from outbox_event
							  where type = 'case.reported' group by subject) o on o.subject = c.id::text
							where coalesce(o.n, 0) <> 1"""),
					count(s, """
							select count(*) from outbox_event o where type = 'case.reported'
							  and not exists (select 1 from grid_case c where c.id::text = o.subject)"""),
					count(s, """
							select count(*) from grid_case c left join (select case_id, count(*) n from case_event
							  where type = 'REPORTED' group by case_id) e on e.case_id = c.id
							where coalesce(e.n, 0) <> 1"""),
					count(s, "select count(*) from outbox_event where published_at is null"),
					count(s, "select count(*) from case_link"));
		}
	}

	private static long count(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long postmasterPid(String superuser) throws Exception {
		try (Connection c = DriverManager.getConnection(superuser); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select pg_read_file('postmaster.pid')")) {
			rs.next();
			return Long.parseLong(rs.getString(1).lines().findFirst().orElseThrow().trim());
		}
	}

	/** 1,000 grids under one street and community of the bench tenant, straight into the tables. */
	static void seedGrids(DatabaseCredentials db, List<Geometry> grids) throws Exception {
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
			try (Statement s = c.createStatement()) {
				s.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
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

	/** Rounds of warm-up, alternating the paths, until the JIT compilers have (nearly) finished. */
	static final int WARM_UP_ROUND_SECONDS = 10;

	/** At most this many rounds: a JIT that never settles is reported, not waited for forever. */
	static final int MAX_WARM_UP_ROUNDS = 24;

	/** Settled: in each JVM, the compiler threads used less than this share of the process's CPU in a round. */
	static final double SETTLED_COMPILER_SHARE = 0.03;

	/**
	 * Warms both paths up until the JVMs run compiled code. Both are started moments before the load; at a few hundred
	 * requests a second the C1/C2 compilers keep working for minutes (seen: a quarter of the gateway's CPU three minutes
	 * in), and a window measured then counts compilation as the cost of a case and runs half-interpreted code. Production
	 * services run for days, so the figures are taken once a gateway round and a direct round in a row each left the
	 * compiler threads under {@value #SETTLED_COMPILER_SHARE} of their JVM's CPU.
	 */
	private static void warmUp(String direct, Path directScript, String viaGateway, Path gatewayScript, int connections,
			long gridPid, long gatewayPid, List<WrkIntake.Run> all) throws IOException, InterruptedException {
		System.out.println("intake: the gateway and grid-service run on " + serviceJavaVersion());
		System.out.printf(Locale.ROOT, "intake: warming up until the JIT compilers settle (%d s rounds, gateway and direct "
				+ "in turn, %d connections)%n", WARM_UP_ROUND_SECONDS, connections);
		int settledInARow = 0;
		for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
			boolean viaGw = round % 2 == 1;
			double gridCpu = ProcessCpu.own(gridPid);
			double gatewayCpu = ProcessCpu.own(gatewayPid);
			double gridJit = ProcessCpu.compiler(gridPid);
			double gatewayJit = ProcessCpu.compiler(gatewayPid);
			WrkIntake.Run run = WrkIntake.run("warm-up " + (viaGw ? "gateway" : "direct"), viaGw ? viaGateway : direct,
					viaGw ? gatewayScript : directScript, 2, connections, WARM_UP_ROUND_SECONDS);
			all.add(run);
			double gridShare = share(ProcessCpu.compiler(gridPid) - gridJit, ProcessCpu.own(gridPid) - gridCpu);
			double gatewayShare = viaGw
					? share(ProcessCpu.compiler(gatewayPid) - gatewayJit, ProcessCpu.own(gatewayPid) - gatewayCpu) : 0;
			System.out.printf(Locale.ROOT, "  warm-up %-8s %5.0f cases/s   JIT compilers: %4.1f%% of grid-service's CPU, "
					+ "%s   errors: %s%n", viaGw ? "gateway" : "direct", run.requestsPerSecond(), gridShare * 100,
					viaGw ? String.format(Locale.ROOT, "%4.1f%% of the gateway's", gatewayShare * 100) : "gateway idle",
					run.errorsByStatus());
			settledInARow = gridShare < SETTLED_COMPILER_SHARE && gatewayShare < SETTLED_COMPILER_SHARE
					? settledInARow + 1 : 0;
			if (settledInARow >= 2) {
				System.out.printf("intake: JIT settled after %d rounds%n", round);
				return;
			}
		}
		System.out.printf("intake: the JIT compilers were still busy after %d rounds: the figures below include "
				+ "compilation%n", MAX_WARM_UP_ROUNDS);
	}

	private static double share(double part, double whole) {
		return whole <= 0 ? 0 : part / whole;
	}

	/**
	 * The java that runs the gateway and grid-service: {@code GRASSROOTS_BENCH_SERVICE_JAVA} (run.sh sets it to a JDK 25
	 * when the machine has one, the version of the production image, k8s/Dockerfile), else this bench's own.
	 */
	static String serviceJava() {
		String java = System.getenv("GRASSROOTS_BENCH_SERVICE_JAVA");
		return java != null && !java.isBlank() ? java : ProcessHandle.current().info().command().orElse("java");
	}

	private static String serviceJavaVersion() {
		try {
			Process p = new ProcessBuilder(serviceJava(), "-version").redirectErrorStream(true).start();
			String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
				.orElse("?");
			p.waitFor();
			return first + " (" + serviceJava() + ")";
		}
		catch (IOException ex) {
			return serviceJava() + " (version unknown: " + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return serviceJava();
		}
	}

	private static List<String> jvm(String optionsVariable, String heap) {
		// as in the image (k8s/Dockerfile): quiets Netty's native-access warning on 22+, accepted since 17
		List<String> command = new ArrayList<>(List.of(serviceJava(), heap, "--enable-native-access=ALL-UNNAMED"));
		// e.g. "-XX:StartFlightRecording=filename=/tmp/grid.jfr,settings=profile" to see where the CPU goes
		String extra = System.getenv(optionsVariable);
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		return command;
	}

	/** What both apps are given alike: their port, their own database (application and owner roles), Redis. */
	private static Map<String, String> appEnvironment(ProcessBuilder builder, int port, DatabaseCredentials db,
			String redisUrl) {
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", db.appUser());
		env.put("SPRING_DATASOURCE_PASSWORD", db.appPassword());
		env.put("SPRING_FLYWAY_USER", db.ownerUser());
		env.put("SPRING_FLYWAY_PASSWORD", db.ownerPassword());
		env.put("SPRING_DATA_REDIS_URL", redisUrl);
		return env;
	}

	private static Process startGrid(Path work, int port, DatabaseCredentials db, String redisUrl, String trustedKeys)
			throws IOException {
		List<String> command = jvm("GRASSROOTS_BENCH_GRID_JVM_OPTIONS", "-Xmx768m");
		command.addAll(List.of("-jar", work.resolve("grid-service.jar").toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("grid-service.log").toFile());
		Map<String, String> env = appEnvironment(builder, port, db, redisUrl);
		env.put("GRASSROOTS_SECURITY_INTERNAL_TOKEN_JWK_SET", trustedKeys);
		env.put("SPRING_APPLICATION_JSON", "{\"grassroots\":{\"privacy\":{\"encryption-keys\":{\"bench\":\""
				+ TestInfrastructure.PRIVACY_KEY + "\"},\"active-key\":\"bench\",\"blind-index-key\":\""
				+ TestInfrastructure.BLIND_INDEX_KEY + "\"}}}");
		env.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
		env.put("LOGGING_LEVEL_ROOT", "WARN");
		return builder.start();
	}

	private static Process startGateway(Path work, int port, DatabaseCredentials db, String redisUrl,
			BenchIssuer issuer, RSAKey signing, int gridPort) throws IOException {
		List<String> command = jvm("GRASSROOTS_BENCH_GATEWAY_JVM_OPTIONS", "-Xmx512m");
		command.addAll(List.of("-jar", work.resolve("gateway.jar").toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("gateway.log").toFile());
		Map<String, String> env = appEnvironment(builder, port, db, redisUrl);
		// only grid-service runs: the other routes point at a closed port
		int closed = RedisServerHandle.freePort();
		for (String service : List.of("CENTER", "MEMBER", "VOLUNTEER", "PROJECT")) {
			env.put("GRASSROOTS_GATEWAY_SERVICES_" + service + "_URL", "http://127.0.0.1:" + closed);
		}
		env.put("GRASSROOTS_GATEWAY_SERVICES_GRID_URL", "http://127.0.0.1:" + gridPort);
		env.put("GRASSROOTS_GATEWAY_OIDC_ISSUER_URI", issuer.url());
		env.put("GRASSROOTS_GATEWAY_INTERNAL_TOKEN_SIGNING_KEYS", new JWKSet(signing).toString(false));
		env.put("GRASSROOTS_GATEWAY_API_KEYS_PEPPER", UUID.randomUUID().toString());
		env.put("LOGGING_LEVEL_ROOT", "WARN");
		return builder.start();
	}

	private static void stop(Process process) throws InterruptedException {
		if (process != null) {
			process.destroy();
			process.waitFor();
		}
	}

	private static void awaitReady(String base, Process process, Path work, String name) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited; see " + work.resolve(name + ".log"));
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
		throw new IllegalStateException(name + " not ready in time; see " + work.resolve(name + ".log"));
	}

	private static String call(String base, String path, String token, String json) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (r.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	private static void probe(String base, String header, String value, String json) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
			.header(header, value)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (r.statusCode() != 201) {
			throw new IllegalStateException("probe " + base + " -> " + r.statusCode() + " " + r.body());
		}
	}

	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}
}
