package org.grassroots.bench.center;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.grassroots.bench.BenchIssuer;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.PostgresServer;
import org.grassroots.testsupport.RedisServerHandle;

/**
 * 100 concurrent attempts at one room slot must give exactly one booking: (a) through the gateway (OIDC tokens of
 * 100 residents) to a center-service replica, (b) directly at two center-service replicas sharing one database,
 * alternating. The database's exclusion constraint decides; the count of holding bookings is read back from the
 * database.
 */
final class BookingRaceBench {

	static final String TENANT = "441702";

	// HTTP/1.1: the JDK client's h2c upgrade attempt stalls concurrent POSTs to a Tomcat without HTTP/2
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private BookingRaceBench() {
	}

	record Outcome(Map<Integer, Integer> statuses, double wallMs, double slowestMs) {
	}

	static String run(int attempts, Path work) throws Exception {
		StringBuilder out = new StringBuilder();
		RSAKey signing = new RSAKeyGenerator(2048).keyID("center-bench-" + UUID.randomUUID()).generate();
		try (PostgresServer postgres = PostgresServer.embedded(null, 0);
				RedisServerHandle redis = RedisServerHandle.embedded(null, 0);
				BenchIssuer issuer = BenchIssuer.start()) {
			DatabaseCredentials gatewayDb = postgres.createDatabase("gateway", true);
			DatabaseCredentials centerDb = postgres.createDatabase("center", true);
			int port1 = RedisServerHandle.freePort();
			int port2 = RedisServerHandle.freePort();
			int gatewayPort = RedisServerHandle.freePort();
			Map<String, String> center = new HashMap<>();
			center.put("SPRING_DATASOURCE_URL", centerDb.jdbcUrl());
			center.put("SPRING_DATASOURCE_USERNAME", centerDb.appUser());
			center.put("SPRING_DATASOURCE_PASSWORD", centerDb.appPassword());
			center.put("SPRING_FLYWAY_USER", centerDb.ownerUser());
			center.put("SPRING_FLYWAY_PASSWORD", centerDb.ownerPassword());
			center.put("SPRING_DATA_REDIS_URL", redis.url());
			center.put("GRASSROOTS_SECURITY_INTERNAL_TOKEN_JWK_SET", new JWKSet(signing.toPublicJWK()).toString());
			center.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
			Map<String, String> gateway = new HashMap<>();
			gateway.put("SPRING_DATASOURCE_URL", gatewayDb.jdbcUrl());
			gateway.put("SPRING_DATASOURCE_USERNAME", gatewayDb.appUser());
			gateway.put("SPRING_DATASOURCE_PASSWORD", gatewayDb.appPassword());
			gateway.put("SPRING_FLYWAY_USER", gatewayDb.ownerUser());
			gateway.put("SPRING_FLYWAY_PASSWORD", gatewayDb.ownerPassword());
			gateway.put("SPRING_DATA_REDIS_URL", redis.url());
			for (String service : List.of("MEMBER", "VOLUNTEER", "PROJECT", "GRID")) {
				gateway.put("GRASSROOTS_GATEWAY_SERVICES_" + service + "_URL", "http://127.0.0.1:9");
			}
			gateway.put("GRASSROOTS_GATEWAY_SERVICES_CENTER_URL", "http://127.0.0.1:" + port1);
			gateway.put("GRASSROOTS_GATEWAY_OIDC_ISSUER_URI", issuer.url());
			gateway.put("GRASSROOTS_GATEWAY_INTERNAL_TOKEN_SIGNING_KEYS", new JWKSet(signing).toString(false));
			gateway.put("GRASSROOTS_GATEWAY_API_KEYS_PEPPER", UUID.randomUUID() + "-" + UUID.randomUUID());
			gateway.put("GRASSROOTS_GATEWAY_RATE_LIMITS_PERSON_PER_MINUTE", "100000");
			gateway.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
			Path centerJar = Path.of("center-service", "target", "center-service-0.1.0-SNAPSHOT-exec.jar");
			Path gatewayJar = Path.of("gateway", "target", "gateway-0.1.0-SNAPSHOT-exec.jar");
			System.out.println("[3] starting two center-service replicas and the gateway (a few minutes on a busy machine)...");
			try (AppProcess replica1 = AppProcess.start("center-1", centerJar, work, port1, center)) {
				// the first replica migrates the database; the second starts after it
				replica1.awaitReady(Duration.ofMinutes(8));
				try (AppProcess replica2 = AppProcess.start("center-2", centerJar, work, port2, center);
						AppProcess gw = AppProcess.start("gateway", gatewayJar, work, gatewayPort, gateway)) {
					replica2.awaitReady(Duration.ofMinutes(8));
					gw.awaitReady(Duration.ofMinutes(8));
					String operator = issuer.token(null, "bench-operator", null, "PLATFORM_OPERATOR");
					String admin = issuer.token(TENANT, "bench-admin", TENANT, "TENANT_ADMIN");
					call("POST", gw.base() + "/api/v1/platform/tenants", operator,
							"{\"code\":\"" + TENANT + "\",\"name\":\"阳江市江城区\"}", 201);
					String centerBody = "{\"level\":\"COMMUNITY\",\"name\":\"压测社区中心\",\"region\":\"" + TENANT
							+ "/01/003\",\"address\":\"压测路1号\",\"location\":{\"lat\":21.85,\"lng\":111.96},"
							+ "\"openingHours\":{\"mode\":\"ALL_YEAR\",\"daily\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}]}}";
					String centerId = field(call("POST", gw.base() + "/api/v1/centers", admin, centerBody, 201), "id");
					String roomId = field(call("POST", gw.base() + "/api/v1/rooms", admin, "{\"centerId\":\"" + centerId
							+ "\",\"name\":\"多功能厅\",\"capacity\":50}", 201), "id");
					OffsetDateTime day = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.DAYS)
						.plusDays(3);

					// warm-up: each path serves bookings of other slots first (cold JVMs answer their first requests
					// slowly); the last uncontended booking through the gateway is the baseline
					String warm = issuer.token(TENANT, "warm-up", TENANT, "RESIDENT");
					String warmInternal = internalToken(signing, "warm-up-direct");
					double singleMs = 0;
					for (int i = 0; i < 30; i++) {
						OffsetDateTime from = day.plusDays(1).plusMinutes(15L * i);
						String body = bookingBody(roomId, from, from.plusMinutes(10));
						String base = i % 3 == 0 ? gw.base() : i % 3 == 1 ? replica1.base() : replica2.base();
						long t = System.nanoTime();
						call("POST", base + "/api/v1/bookings", i % 3 == 0 ? warm : warmInternal, body, 201);
						if (i % 3 == 0) {
							singleMs = (System.nanoTime() - t) / 1e6;
						}
					}

					List<String> viaGateway = new ArrayList<>();
					for (int i = 0; i < attempts; i++) {
						viaGateway.add(issuer.token(TENANT, "resident-" + i, TENANT, "RESIDENT"));
					}
					OffsetDateTime slotA = day.withHour(10);
					Outcome a = race(attempts, i -> gw.base(), viaGateway, bookingBody(roomId, slotA, slotA.plusHours(2)));
					List<String> internal = new ArrayList<>();
					for (int i = 0; i < attempts; i++) {
						internal.add(internalToken(signing, "direct-" + i));
					}
					OffsetDateTime slotB = day.withHour(14);
					Outcome b = race(attempts, i -> i % 2 == 0 ? replica1.base() : replica2.base(), internal,
							bookingBody(roomId, slotB, slotB.plusHours(2)));
					long heldA = held(centerDb, roomId, slotA);
					long heldB = held(centerDb, roomId, slotB);
					out.append(String.format("%n[3] %d concurrent attempts at one room slot%n", attempts));
					out.append(String.format("%-52s %10s %10s %12s %12s%n", "path", "201", "409", "other", "held in DB"));
					out.append(String.format("%-52s %10d %10d %12d %12d%n", "through the gateway -> center-service replica 1",
							a.statuses().getOrDefault(201, 0), a.statuses().getOrDefault(409, 0), other(a), heldA));
					out.append(String.format("%-52s %10d %10d %12d %12d%n", "direct, alternating between 2 replicas",
							b.statuses().getOrDefault(201, 0), b.statuses().getOrDefault(409, 0), other(b), heldB));
					out.append(String.format("statuses: gateway %s, replicas %s%n", a.statuses(), b.statuses()));
					out.append(String.format("one uncontended booking through the gateway: %.0f ms; the race of %d: %.0f ms wall "
							+ "(slowest answer %.0f ms, ratio %.1fx the single booking)%n", singleMs, attempts, a.wallMs(),
							a.slowestMs(), a.slowestMs() / singleMs));
					boolean exactlyOne = heldA == 1 && heldB == 1 && a.statuses().getOrDefault(201, 0) == 1
							&& b.statuses().getOrDefault(201, 0) == 1 && unexpected(a) == 0 && unexpected(b) == 0;
					out.append("(other: 503 service-busy when a request waited longer than the connection pool allows; "
							+ "nothing written, retry)\n");
					out.append(String.format("target: exactly one booking per slot, every other attempt a 409 or 503 -> %s%n",
							exactlyOne ? "MET" : "MISSED"));
				}
			}
		}
		return out.toString();
	}

	private static int unexpected(Outcome o) {
		return o.statuses().entrySet().stream().filter(e -> e.getKey() != 201 && e.getKey() != 409 && e.getKey() != 503)
			.mapToInt(Map.Entry::getValue).sum();
	}

	private static int other(Outcome o) {
		return o.statuses().entrySet().stream().filter(e -> e.getKey() != 201 && e.getKey() != 409)
			.mapToInt(Map.Entry::getValue).sum();
	}

	private static Outcome race(int attempts, java.util.function.IntFunction<String> base, List<String> tokens,
			String body) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<long[]>> futures = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					HttpRequest request = HttpRequest.newBuilder(URI.create(base.apply(n) + "/api/v1/bookings"))
						.timeout(Duration.ofSeconds(300))
						.header("Authorization", "Bearer " + tokens.get(n))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
						.build();
					start.await();
					long t = System.nanoTime();
					HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
					return new long[] { r.statusCode(), System.nanoTime() - t };
				}));
			}
			long t = System.nanoTime();
			start.countDown();
			Map<Integer, Integer> statuses = new TreeMap<>();
			long slowest = 0;
			for (Future<long[]> f : futures) {
				long[] r = f.get();
				statuses.merge((int) r[0], 1, Integer::sum);
				slowest = Math.max(slowest, r[1]);
			}
			return new Outcome(statuses, (System.nanoTime() - t) / 1e6, slowest / 1e6);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long held(DatabaseCredentials db, String roomId, OffsetDateTime start) throws Exception {
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
			c.setAutoCommit(false);
			try (PreparedStatement tenant = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				tenant.setString(1, TENANT);
				tenant.execute();
			}
			try (PreparedStatement ps = c.prepareStatement("select count(*) from booking where room_id = ?::uuid "
					+ "and starts_at = ? and status in ('PENDING', 'CONFIRMED')")) {
				ps.setString(1, roomId);
				ps.setObject(2, start);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
		}
	}

	private static String bookingBody(String roomId, OffsetDateTime from, OffsetDateTime to) {
		return "{\"roomId\":\"" + roomId + "\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to
				+ "\",\"purpose\":\"压测\"}";
	}

	/** An internal token as the gateway would mint it, for calling the replicas directly. */
	private static String internalToken(RSAKey key, String subject) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("grassroots-gateway")
			.audience("grassroots-services")
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
			.claim("tenant", TENANT)
			.claim("region", TENANT)
			.claim("roles", List.of("RESIDENT"))
			.claim("kind", "person")
			.claim("scopes", List.of())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String call(String method, String url, String token, String json, int expected) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (r.statusCode() != expected) {
			throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}
}
