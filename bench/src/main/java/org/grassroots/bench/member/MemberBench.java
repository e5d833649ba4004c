package org.grassroots.bench.member;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.PostgresServer;
import org.grassroots.testsupport.RedisServerHandle;
import org.grassroots.testsupport.TestTokens;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * bench/member: the two figures issue 5 asks of member-service, each against a baseline measured in the same run
 * on the same embedded PostgreSQL.
 * <ol>
 * <li>Import: N central households (default 35,000, Yangjiang's number) × 10 linked households for one district
 * through {@code POST /api/v1/central-households/imports} (batches of 500: ID numbers validated, encrypted and
 * blind-indexed, every household validated with a grid-service stub over HTTP, all or nothing per batch) against a
 * plain {@code COPY} of the same number of rows, of the same shapes and sizes, into the same four tables (by the
 * superuser, so without row-level security) for another district. A first import of 5,000 central households of a
 * third district warms the service's JIT up and is not measured. Wall time and CPU time (service, PostgreSQL) are
 * reported: this machine is shared, and CPU time says what the work costs whatever the load. Target: &lt; 60 s.</li>
 * <li>Dispatch lookup: {@code GET /api/v1/central-households/for-household/{id}} through the running service (a
 * minted internal token; the gateway hop comes later) for random linked households, one request at a time, against
 * the same SQL over JDBC in a tenant transaction (the database floor) and a trivial endpoint of the same server
 * (the HTTP floor). Target: p99 &lt; 5 ms.</li>
 * </ol>
 */
public final class MemberBench {

	static final String TENANT = "441702";

	static final String BASELINE_TENANT = "441703";

	/** A third district whose import warms the service's JIT up before the measured one. */
	static final String WARM_UP_TENANT = "441704";

	static final int WARM_UP_ROWS = 5_000;

	static final int PER_HOUSEHOLD = 10;

	static final int BATCH = 500;

	static final int COMMUNITIES = 100;

	static final int STREETS = 10;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private MemberBench() {
	}

	/** One central household to import. */
	record Row(int index, String name, String idNumber, String phone, int community, List<UUID> households) {
	}

	public static void main(String[] args) throws Exception {
		try {
			run(args);
		}
		catch (Exception ex) {
			System.err.println("bench/member failed: " + ex);
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private static void run(String[] args) throws Exception {
		int centralHouseholds = args.length > 0 ? Integer.parseInt(args[0]) : 35_000;
		int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
		int senders = args.length > 2 ? Integer.parseInt(args[2]) : 2;
		Path work = Files.createTempDirectory("grassroots-bench-member");
		int port = RedisServerHandle.freePort();
		String base = "http://127.0.0.1:" + port;
		StringBuilder out = new StringBuilder();
		try (PostgresServer postgres = PostgresServer.embedded(null, 0);
				RedisServerHandle redis = RedisServerHandle.embedded(null, 0);
				GridStub grid = GridStub.start()) {
			DatabaseCredentials db = postgres.createDatabase("member", true);
			Process service = startService(work, port, db, redis.url(), grid.url());
			try {
				awaitReady(base, service, work);
				String admin = TestTokens.builder(TENANT, "bench-admin").region(TENANT).roles("TENANT_ADMIN")
					.ttl(Duration.ofHours(4)).mint();
				System.out.println("creating the organization tree through the API...");
				List<String[]> communities = organizations(base, admin, TENANT);
				List<Row> rows = generate(centralHouseholds);
				for (Row row : rows) {
					String region = communityRegion(row.community()) + "/b" + (row.index() % 50);
					row.households().forEach(h -> grid.add(h.toString(), region));
				}
				String superuser = "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/member?user=postgres";

				System.out.printf("baseline: COPY of %,d central households × %d households...%n", centralHouseholds,
						PER_HOUSEHOLD);
				long postmaster = CpuTime.postmaster(postgres.port());
				Cost copy = copyBaseline(superuser, postmaster, rows);

				System.out.printf("warming the service up: import of %,d central households of another district "
						+ "(not measured)...%n", WARM_UP_ROWS);
				String warmAdmin = TestTokens.builder(WARM_UP_TENANT, "bench-admin").region(WARM_UP_TENANT)
					.roles("TENANT_ADMIN").ttl(Duration.ofHours(4)).mint();
				List<String[]> warmCommunities = organizations(base, warmAdmin, WARM_UP_TENANT);
				List<Row> warmRows = generate(WARM_UP_ROWS);
				for (Row row : warmRows) {
					String region = communityRegion(row.community()).replace(TENANT, WARM_UP_TENANT) + "/b"
							+ (row.index() % 50);
					row.households().forEach(h -> grid.add(h.toString(), region));
				}
				importThroughApi(base, warmAdmin, warmRows, warmCommunities, senders, service.pid(), postmaster);

				System.out.printf("import through the API: %d batches of %d, %d senders...%n",
						(centralHouseholds + BATCH - 1) / BATCH, BATCH, senders);
				Cost imported = importThroughApi(base, admin, rows, communities, senders, service.pid(), postmaster);
				long[] counts = counts(superuser);
				if (counts[0] != centralHouseholds || counts[1] != (long) centralHouseholds * PER_HOUSEHOLD) {
					throw new IllegalStateException("import incomplete: " + counts[0] + " central households, " + counts[1]
							+ " links");
				}

				System.out.printf("lookups: %,d warm-up, then %,d measured, one at a time...%n", 3_000, lookups);
				List<UUID> linked = new ArrayList<>();
				rows.forEach(r -> linked.addAll(r.households()));
				String grids = TestTokens.builder(TENANT, "bench-grid-worker").region(TENANT).roles("GRID_WORKER")
					.ttl(Duration.ofHours(4)).mint();
				Random random = new Random(42);
				// right after a bulk import the planner's statistics still describe small tables until autovacuum
				// analyzes them (up to a minute or so): measured apart, then the steady state after ANALYZE
				Latency afterImport = new Latency("service: for-household (200), before ANALYZE", 1_000);
				measureLookups(base, grids, linked, random, 1_000, afterImport);
				analyze(superuser);
				measureLookups(base, grids, linked, random, 3_000, null);
				Latency service200 = new Latency("service: for-household (200)", lookups);
				Latency sql = new Latency("JDBC: same SQL in a tenant transaction", lookups);
				Latency floor = new Latency("service: /actuator/health/liveness", lookups);
				Latency service404 = new Latency("service: for-household (404)", lookups / 10);
				// interleaved rounds, so drift on this shared machine hits every variant alike
				for (int round = 0; round < 4; round++) {
					measureLookups(base, grids, linked, random, lookups / 4, service200);
					measureSql(db, linked, random, lookups / 4, sql);
					measureFloor(base, lookups / 4, floor);
					measureMissing(base, grids, lookups / 40, service404);
				}
				report(out, centralHouseholds, senders, copy, imported, afterImport, service200, service404, sql, floor);
			}
			finally {
				service.destroy();
				service.waitFor();
			}
		}
		System.out.print(out);
		try {
			Path dir = Path.of("bench", "results");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("member-" + Instant.now().toString().replace(':', '-') + ".txt"), out);
		}
		catch (IOException ex) {
			System.err.println("could not save the results: " + ex.getMessage());
		}
	}

	// ---- the service ------------------------------------------------------------------------------------------

	private static Process startService(Path work, int port, DatabaseCredentials db, String redisUrl, String gridUrl)
			throws IOException {
		Path jar = Path.of("member-service", "target", "member-service-0.1.0-SNAPSHOT-exec.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("build member-service first: " + jar);
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
		// e.g. -Dbench.member.jvmOptions="-XX:StartFlightRecording=filename=/tmp/member.jfr" to profile the service
		String extra = System.getProperty("bench.member.jvmOptions", "").strip();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
				"--grassroots.privacy.encryption-keys.bench-1=" + key(), "--grassroots.privacy.active-key=bench-1",
				"--grassroots.privacy.blind-index-key=" + key()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("member-service.log").toFile());
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", db.appUser());
		env.put("SPRING_DATASOURCE_PASSWORD", db.appPassword());
		env.put("SPRING_FLYWAY_USER", db.ownerUser());
		env.put("SPRING_FLYWAY_PASSWORD", db.ownerPassword());
		env.put("SPRING_DATA_REDIS_URL", redisUrl);
		env.put("GRASSROOTS_SECURITY_INTERNAL_TOKEN_JWK_SET", TestTokens.jwkSetJson());
		env.put("GRASSROOTS_CLIENTS_GRID_URL", gridUrl);
		env.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
		env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.0");
		env.put("LOGGING_LEVEL_ROOT", "WARN");
		return builder.start();
	}

	private static String key() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static void awaitReady(String base, Process service, Path work) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (!service.isAlive()) {
				throw new IllegalStateException("member-service exited; see " + work.resolve("member-service.log"));
			}
			try {
				if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("member-service not ready in time; see " + work.resolve("member-service.log"));
	}

	// ---- data -------------------------------------------------------------------------------------------------

	static String streetRegion(int street) {
		return TENANT + "/" + TENANT + String.format("%03d", street + 1);
	}

	static String communityRegion(int community) {
		int street = community % STREETS;
		return streetRegion(street) + "/" + TENANT + String.format("%03d%03d", street + 1, community + 1);
	}

	/** @return per community: {committee id, branch id} */
	private static List<String[]> organizations(String base, String admin, String tenant) throws Exception {
		String district = id(post(base, "/api/v1/party-organizations", admin, null,
				"{\"name\":\"江城区委\",\"level\":\"COMMITTEE\",\"region\":\"" + tenant + "\"}"));
		List<String> streets = new ArrayList<>();
		for (int s = 0; s < STREETS; s++) {
			streets.add(id(post(base, "/api/v1/party-organizations", admin, null, "{\"name\":\"街道党工委" + s
					+ "\",\"level\":\"COMMITTEE\",\"parentId\":\"" + district + "\",\"region\":\"" + streetRegion(s).replace(TENANT, tenant)
					+ "\"}")));
		}
		List<String[]> communities = new ArrayList<>();
		for (int c = 0; c < COMMUNITIES; c++) {
			String committee = id(post(base, "/api/v1/party-organizations", admin, null, "{\"name\":\"社区党委" + c
					+ "\",\"level\":\"COMMITTEE\",\"parentId\":\"" + streets.get(c % STREETS) + "\",\"region\":\""
					+ communityRegion(c).replace(TENANT, tenant) + "\",\"contactPhone\":\"0662-3312345\"}"));
			String branch = id(post(base, "/api/v1/party-organizations", admin, null, "{\"name\":\"社区党支部" + c
					+ "\",\"level\":\"BRANCH\",\"parentId\":\"" + committee + "\",\"region\":\"" + communityRegion(c).replace(TENANT, tenant)
					+ "\"}"));
			communities.add(new String[] { committee, branch });
		}
		return communities;
	}

	private static List<Row> generate(int n) {
		List<Row> rows = new ArrayList<>(n);
		LocalDate start = LocalDate.of(1950, 1, 1);
		for (int i = 0; i < n; i++) {
			LocalDate birth = start.plusDays(i / 900);
			String first17 = TENANT + birth.toString().replace("-", "") + String.format("%03d", i % 900);
			List<UUID> households = new ArrayList<>(PER_HOUSEHOLD);
			for (int h = 0; h < PER_HOUSEHOLD; h++) {
				households.add(UUID.randomUUID());
			}
			rows.add(new Row(i, "党员" + i, first17 + check(first17), "139" + String.format("%08d", i), i % COMMUNITIES,
					households));
		}
		return rows;
	}

	static char check(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		char[] check = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return check[sum % 11];
	}

	// ---- the baseline: COPY -------------------------------------------------------------------------------------

	/** The same rows (count, columns, value sizes) COPYed into the same tables for another district. */
	/** Wall and CPU time of one variant. */
	record Cost(long nanos, double serviceCpu, double postgresCpu) {
	}

	private static Cost copyBaseline(String superuser, long postmaster, List<Row> rows) throws Exception {
		StringBuilder organizations = new StringBuilder();
		StringBuilder members = new StringBuilder();
		StringBuilder centralHouseholds = new StringBuilder();
		StringBuilder links = new StringBuilder();
		String district = UUID.randomUUID().toString();
		organizations.append(district).append('\t').append(BASELINE_TENANT).append("\t\\N\t区委\tCOMMITTEE\tREGULAR\t")
			.append(BASELINE_TENANT).append('\n');
		String[] committees = new String[COMMUNITIES];
		String[] branches = new String[COMMUNITIES];
		for (int c = 0; c < COMMUNITIES; c++) {
			String region = communityRegion(c).replace(TENANT, BASELINE_TENANT);
			committees[c] = UUID.randomUUID().toString();
			branches[c] = UUID.randomUUID().toString();
			organizations.append(committees[c]).append('\t').append(BASELINE_TENANT).append('\t').append(district)
				.append("\t社区党委").append(c).append("\tCOMMITTEE\tREGULAR\t").append(region).append('\n');
			organizations.append(branches[c]).append('\t').append(BASELINE_TENANT).append('\t').append(committees[c])
				.append("\t社区党支部").append(c).append("\tBRANCH\tREGULAR\t").append(region).append('\n');
		}
		for (Row row : rows) {
			String member = UUID.randomUUID().toString();
			String ch = UUID.randomUUID().toString();
			String region = communityRegion(row.community()).replace(TENANT, BASELINE_TENANT);
			members.append(member).append('\t').append(BASELINE_TENANT).append('\t').append(branches[row.community()])
				.append('\t').append(row.name()).append('\t').append(ciphertext(18)).append('\t').append(hex(32))
				.append('\t').append(row.idNumber(), 0, 4).append("**********").append(row.idNumber(), 14, 18).append('\t')
				.append(ciphertext(11)).append('\t').append("139****").append(row.phone(), 7, 11).append("\tREGULAR\n");
			centralHouseholds.append(ch).append('\t').append(BASELINE_TENANT).append('\t').append(member).append('\t')
				.append(committees[row.community()]).append('\t').append(region)
				.append("\t{POLICY_PROMOTER,SERVICE_DOER}\t2026-01-01\tbench-admin\n");
			for (UUID household : row.households()) {
				links.append(BASELINE_TENANT).append('\t').append(household).append('\t').append(ch).append('\t')
					.append(region).append("/b").append(row.index() % 50).append("\tbench-admin\n");
			}
		}
		try (Connection c = DriverManager.getConnection(superuser)) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			double pgBefore = CpuTime.postgres(postmaster);
			long start = System.nanoTime();
			copy.copyIn("copy party_organization (id, tenant_id, parent_id, name, level, category, region) from stdin",
					new StringReader(organizations.toString()));
			copy.copyIn("copy party_member (id, tenant_id, organization_id, name, id_number_enc, id_number_bidx, "
					+ "id_number_masked, phone_enc, phone_masked, category) from stdin", new StringReader(members.toString()));
			copy.copyIn("copy central_household (id, tenant_id, member_id, organization_id, region, roles, designated_on, "
					+ "designated_by) from stdin", new StringReader(centralHouseholds.toString()));
			copy.copyIn("copy linked_household (tenant_id, household_id, central_household_id, region, linked_by) from stdin",
					new StringReader(links.toString()));
			long nanos = System.nanoTime() - start;
			return new Cost(nanos, 0, CpuTime.postgres(postmaster) - pgBefore);
		}
	}

	/** A string of the shape and size of an AES-GCM ciphertext of {@code plaintextBytes}. */
	private static String ciphertext(int plaintextBytes) {
		byte[] bytes = new byte[12 + plaintextBytes + 16];
		RANDOM.nextBytes(bytes);
		return "v1:bench-1:" + Base64.getEncoder().encodeToString(bytes);
	}

	private static String hex(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return java.util.HexFormat.of().formatHex(b);
	}

	// ---- the import through the API -----------------------------------------------------------------------------

	private static Cost importThroughApi(String base, String admin, List<Row> rows, List<String[]> communities,
			int senders, long servicePid, long postmaster) throws Exception {
		List<String> batches = new ArrayList<>();
		for (int from = 0; from < rows.size(); from += BATCH) {
			StringBuilder json = new StringBuilder("{\"rows\":[");
			for (Row row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
				if (json.charAt(json.length() - 1) != '[') {
					json.append(',');
				}
				String[] community = communities.get(row.community());
				json.append("{\"organizationId\":\"").append(community[0]).append("\",\"member\":{\"name\":\"")
					.append(row.name()).append("\",\"idNumber\":\"").append(row.idNumber()).append("\",\"phone\":\"")
					.append(row.phone()).append("\",\"category\":\"REGULAR\",\"organizationId\":\"").append(community[1])
					.append("\"},\"roles\":[\"POLICY_PROMOTER\",\"SERVICE_DOER\"],\"householdIds\":[");
				for (int h = 0; h < row.households().size(); h++) {
					json.append(h == 0 ? "\"" : ",\"").append(row.households().get(h)).append('"');
				}
				json.append("]}");
			}
			batches.add(json.append("]}").toString());
		}
		AtomicInteger next = new AtomicInteger();
		double serviceBefore = CpuTime.of(servicePid);
		double pgBefore = CpuTime.postgres(postmaster);
		ExecutorService pool = Executors.newFixedThreadPool(senders, r -> {
			Thread t = new Thread(r, "import-sender");
			t.setDaemon(true);
			return t;
		});
		long start = System.nanoTime();
		try {
			List<Future<Void>> done = new ArrayList<>();
			for (int s = 0; s < senders; s++) {
				done.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < batches.size()) {
						post(base, "/api/v1/central-households/imports", admin, "bench-import-" + i, batches.get(i));
					}
					return null;
				}));
			}
			for (Future<Void> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		long nanos = System.nanoTime() - start;
		return new Cost(nanos, CpuTime.of(servicePid) - serviceBefore, CpuTime.postgres(postmaster) - pgBefore);
	}

	/** What autovacuum does a little later on its own: fresh statistics for the imported tables. */
	private static void analyze(String superuser) throws Exception {
		try (Connection c = DriverManager.getConnection(superuser); Statement s = c.createStatement()) {
			s.execute("analyze central_household, linked_household, party_member");
		}
	}

	private static long[] counts(String superuser) throws Exception {
		try (Connection c = DriverManager.getConnection(superuser); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select (select count(*) from central_household where tenant_id = '" + TENANT
						+ "'), (select count(*) from linked_household where tenant_id = '" + TENANT + "')")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2) };
		}
	}

	// ---- the lookup ---------------------------------------------------------------------------------------------

	private static void measureLookups(String base, String token, List<UUID> linked, Random random, int n,
			Latency latency) throws Exception {
		for (int i = 0; i < n; i++) {
			UUID household = linked.get(random.nextInt(linked.size()));
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/central-households/for-household/"
					+ household)).header("Authorization", "Bearer " + token).build();
			long t0 = System.nanoTime();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			long elapsed = System.nanoTime() - t0;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("lookup " + household + " -> " + response.statusCode() + " " + response.body());
			}
			if (latency != null) {
				latency.add(elapsed);
			}
		}
	}

	private static void measureMissing(String base, String token, int n, Latency latency) throws Exception {
		for (int i = 0; i < n; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/central-households/for-household/"
					+ UUID.randomUUID())).header("Authorization", "Bearer " + token).build();
			long t0 = System.nanoTime();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			latency.add(System.nanoTime() - t0);
			if (response.statusCode() != 404) {
				throw new IllegalStateException("unknown household -> " + response.statusCode());
			}
		}
	}

	private static void measureFloor(String base, int n, Latency latency) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build();
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			latency.add(System.nanoTime() - t0);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("liveness -> " + response.statusCode());
			}
		}
	}

	/** The service's work in the database, without the service: a tenant transaction and the lookup's SQL. */
	private static void measureSql(DatabaseCredentials db, List<UUID> linked, Random random, int n, Latency latency)
			throws Exception {
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
				PreparedStatement tenant = c.prepareStatement(
						"select set_config('app.tenant_id', ?, true), set_config('app.cross_tenant', '', true)");
				PreparedStatement lookup = c.prepareStatement("""
						select ch.id, ch.member_id, m.name, ch.roles
						from linked_household l
						join central_household ch on ch.tenant_id = l.tenant_id and ch.id = l.central_household_id
						join party_member m on m.tenant_id = ch.tenant_id and m.id = ch.member_id
						where l.household_id = ? and ch.status = 'ACTIVE'
						""")) {
			c.setAutoCommit(false);
			c.setReadOnly(true);
			for (int i = 0; i < n; i++) {
				UUID household = linked.get(random.nextInt(linked.size()));
				long t0 = System.nanoTime();
				tenant.setString(1, TENANT);
				tenant.execute();
				lookup.setObject(1, household);
				try (ResultSet rs = lookup.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalStateException("no central household for " + household);
					}
					rs.getString(3);
				}
				c.commit();
				latency.add(System.nanoTime() - t0);
			}
		}
	}

	// ---- reporting ----------------------------------------------------------------------------------------------

	private static void report(StringBuilder out, int n, int senders, Cost copy, Cost imported, Latency afterImport,
			Latency service200, Latency service404, Latency sql, Latency floor) {
		double copySeconds = copy.nanos() / 1e9;
		double importSeconds = imported.nanos() / 1e9;
		out.append(String.format("%nbench/member: %,d central households × %d linked households, one district, %d cores%n",
				n, PER_HOUSEHOLD, Runtime.getRuntime().availableProcessors()));
		double[] load = loadAverage();
		out.append(String.format("machine load average (1/5/15 min) at the end: %.2f %.2f %.2f%n", load[0], load[1],
				load[2]));
		out.append(String.format("%-52s %10s %14s %12s %12s%n", "import", "seconds", "rows/s", "CPU service",
				"CPU postgres"));
		long rowsWritten = (long) n * 2 + (long) n * PER_HOUSEHOLD;
		out.append(String.format("%-52s %10.2f %,14.0f %11.1fs %11.1fs%n", "baseline: plain COPY (superuser, same tables)",
				copySeconds, rowsWritten / copySeconds, copy.serviceCpu(), copy.postgresCpu()));
		out.append(String.format("%-52s %10.2f %,14.0f %11.1fs %11.1fs%n",
				"API import (" + BATCH + "/batch, " + senders + " senders, warm JVM)", importSeconds,
				rowsWritten / importSeconds, imported.serviceCpu(), imported.postgresCpu()));
		double copyCpu = copy.serviceCpu() + copy.postgresCpu();
		double importCpu = imported.serviceCpu() + imported.postgresCpu();
		out.append(String.format("ratio API import / COPY: %.1fx wall, %.1fx CPU; target < 60 s: %s%n",
				importSeconds / copySeconds, copyCpu > 0 ? importCpu / copyCpu : Double.NaN,
				importSeconds < 60 ? "met" : "MISSED"));
		out.append(String.format("%n%-52s %8s %8s %8s %8s%n", "lookup (sequential, loopback)", "n", "p50 ms", "p99 ms",
				"max ms"));
		for (Latency l : List.of(afterImport, service200, service404, sql, floor)) {
			out.append(String.format("%-52s %,8d %8.3f %8.3f %8.3f%n", l.name(), l.count(), l.percentileMillis(50),
					l.percentileMillis(99), l.percentileMillis(100)));
		}
		out.append(String.format("ratio p99 for-household / same SQL over JDBC: %.2fx; / liveness endpoint: %.2fx%n",
				service200.percentileMillis(99) / sql.percentileMillis(99),
				service200.percentileMillis(99) / floor.percentileMillis(99)));
		out.append(String.format("target p99 < 5 ms: %s%n", service200.percentileMillis(99) < 5 ? "met" : "MISSED"));
	}

	private static double[] loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]) };
		}
		catch (IOException | RuntimeException ex) {
			return new double[] { Double.NaN, Double.NaN, Double.NaN };
		}
	}

	// ---- HTTP -----------------------------------------------------------------------------------------------------

	private static String post(String base, String path, String token, String idempotencyKey, String json)
			throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofMinutes(2))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			builder.header("Idempotency-Key", idempotencyKey);
		}
		HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String id(String json) {
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no id in " + json);
		}
		return m.group(1);
	}
}
