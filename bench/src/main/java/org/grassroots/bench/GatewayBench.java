package org.grassroots.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.PostgresServer;
import org.grassroots.testsupport.RedisServerHandle;

/**
 * bench/gateway: the cost of our gateway against calling the service directly and against a plain nginx proxy.
 * Everything runs on loopback in one process tree: a trivial nginx upstream, an nginx proxy, the gateway (its own
 * PostgreSQL and Redis, authentication and Redis rate limiting on), and wrk. The variants are measured in
 * interleaved rounds so drift on this shared machine hits all of them alike; the medians are reported.
 */
public final class GatewayBench {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private GatewayBench() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
		int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
		int rounds = 3;
		Path work = Files.createTempDirectory("grassroots-bench-gateway");
		int upstreamPort = RedisServerHandle.freePort();
		int nginxPort = RedisServerHandle.freePort();
		int gatewayPort = RedisServerHandle.freePort();

		try (PostgresServer postgres = PostgresServer.embedded(null, 0);
				RedisServerHandle redis = RedisServerHandle.embedded(null, 0);
				Nginx nginx = Nginx.start(work.resolve("nginx"), upstreamPort, nginxPort);
				BenchIssuer issuer = BenchIssuer.start()) {
			DatabaseCredentials db = postgres.createDatabase("gateway", true);
			Process gateway = startGateway(work, gatewayPort, db, redis.url(), issuer, upstreamPort);
			try {
				String base = "http://127.0.0.1:" + gatewayPort;
				awaitReady(base, gateway, work);
				String operator = issuer.token(null, "bench-operator", null, "PLATFORM_OPERATOR");
				String admin = issuer.token("441702", "bench-admin", null, "TENANT_ADMIN");
				call(base, "/api/v1/platform/tenants", operator, "{\"code\":\"441702\",\"name\":\"阳江市江城区\"}");
				String client = call(base, "/api/v1/platform/clients", admin,
						"{\"name\":\"bench\",\"scopes\":[\"volunteers:read\"],\"rateLimitPerMinute\":6000000}");
				String apiKey = field(client, "apiKey");
				String person = issuer.token("441702", "bench-person", null, "TENANT_ADMIN");

				String path = "/api/v1/volunteers/bench";
				String direct = "http://127.0.0.1:" + upstreamPort + path;
				String viaNginx = "http://127.0.0.1:" + nginxPort + path;
				String viaGateway = base + path;
				probe(viaGateway, "X-API-Key: " + apiKey);
				probe(viaGateway, "Authorization: Bearer " + person);

				System.out.printf("warming up the gateway (%d s)...%n", seconds);
				Wrk.run("warm-up", viaGateway, 2, connections, seconds, "X-API-Key: " + apiKey);
				Wrk.run("warm-up", viaGateway, 2, connections, seconds / 2 + 1, "Authorization: Bearer " + person);

				Map<String, List<Wrk.Result>> results = new HashMap<>();
				for (int round = 1; round <= rounds; round++) {
					System.out.printf("round %d of %d%n", round, rounds);
					record(results, Wrk.run("direct", direct, 2, connections, seconds));
					record(results, Wrk.run("nginx", viaNginx, 2, connections, seconds));
					record(results, Wrk.run("gateway (API key)", viaGateway, 2, connections, seconds,
							"X-API-Key: " + apiKey));
					record(results, Wrk.run("gateway (OIDC JWT)", viaGateway, 2, connections, seconds,
							"Authorization: Bearer " + person));
				}
				report(results, seconds, connections, rounds);
			}
			finally {
				gateway.destroy();
				gateway.waitFor();
			}
		}
	}

	private static void record(Map<String, List<Wrk.Result>> results, Wrk.Result result) {
		// errors are reported, not hidden: a variant that fails requests is not faster
		System.out.printf("  %-20s %10.0f req/s  p50 %8.3f ms  p99 %8.3f ms  non-2xx %d of %d%n", result.name(),
				result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), result.errors(), result.requests());
		results.computeIfAbsent(result.name(), k -> new ArrayList<>()).add(result);
	}

	private static void report(Map<String, List<Wrk.Result>> results, int seconds, int connections, int rounds) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%nbench/gateway: %d rounds x %d s, wrk 2 threads, %d connections, loopback, %d cores%n",
				rounds, seconds, connections, Runtime.getRuntime().availableProcessors()));
		out.append(String.format("%-20s %12s %10s %10s%n", "variant", "req/s", "p50 ms", "p99 ms"));
		for (String name : List.of("direct", "nginx", "gateway (API key)", "gateway (OIDC JWT)")) {
			out.append(String.format("%-20s %12.0f %10.3f %10.3f%n", name, median(results.get(name), Wrk.Result::requestsPerSecond),
					median(results.get(name), Wrk.Result::p50Millis), median(results.get(name), Wrk.Result::p99Millis)));
		}
		double direct = median(results.get("direct"), Wrk.Result::requestsPerSecond);
		double nginx = median(results.get("nginx"), Wrk.Result::requestsPerSecond);
		double directP50 = median(results.get("direct"), Wrk.Result::p50Millis);
		out.append(String.format("%n%-20s %16s %16s %18s%n", "ratio", "gateway/direct", "gateway/nginx", "added p50 (ms)"));
		for (String name : List.of("gateway (API key)", "gateway (OIDC JWT)")) {
			double rps = median(results.get(name), Wrk.Result::requestsPerSecond);
			double added = median(results.get(name), Wrk.Result::p50Millis) - directP50;
			out.append(String.format("%-20s %15.2fx %15.2fx %18.3f%n", name, rps / direct, rps / nginx, added));
		}
		out.append("targets: gateway/direct >= 0.50x throughput, added p50 <= 2 ms\n");
		System.out.print(out);
		try {
			Path dir = Path.of("bench", "results");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("gateway-" + Instant.now().toString().replace(':', '-') + ".txt"), out);
		}
		catch (IOException ex) {
			System.err.println("could not save the results: " + ex.getMessage());
		}
	}

	private static double median(List<Wrk.Result> results, ToDoubleFunction<Wrk.Result> metric) {
		List<Double> values = results.stream().map(metric::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
		return values.get(values.size() / 2);
	}

	private static Process startGateway(Path work, int port, DatabaseCredentials db, String redisUrl, BenchIssuer issuer,
			int upstreamPort) throws Exception {
		Path jar = Path.of("gateway", "target", "gateway-0.1.0-SNAPSHOT-exec.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("build the gateway first: " + jar);
		}
		// run a private copy: a rebuild of the module during the run must not swap the jar under the JVM
		Path copy = work.resolve("gateway.jar");
		Files.copy(jar, copy);
		jar = copy;
		RSAKey signing = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID()).generate();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
		// e.g. "-XX:StartFlightRecording=filename=/tmp/gateway.jfr" to see where the gateway spends its CPU
		String extra = System.getenv("GRASSROOTS_BENCH_GATEWAY_JVM_OPTIONS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("gateway.log").toFile());
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", db.appUser());
		env.put("SPRING_DATASOURCE_PASSWORD", db.appPassword());
		env.put("SPRING_FLYWAY_USER", db.ownerUser());
		env.put("SPRING_FLYWAY_PASSWORD", db.ownerPassword());
		env.put("SPRING_DATA_REDIS_URL", redisUrl);
		for (String service : List.of("CENTER", "MEMBER", "VOLUNTEER", "PROJECT", "GRID")) {
			env.put("GRASSROOTS_GATEWAY_SERVICES_" + service + "_URL", "http://127.0.0.1:" + upstreamPort);
		}
		env.put("GRASSROOTS_GATEWAY_OIDC_ISSUER_URI", issuer.url());
		env.put("GRASSROOTS_GATEWAY_INTERNAL_TOKEN_SIGNING_KEYS", new JWKSet(signing).toString(false));
		env.put("GRASSROOTS_GATEWAY_API_KEYS_PEPPER", UUID.randomUUID().toString());
		// a person's default limit (600/min per route) would turn a throughput run into a 429 run: the limiter
		// still runs on every request, it just never says no
		env.put("GRASSROOTS_GATEWAY_RATE_LIMITS_PERSON_PER_MINUTE", "6000000");
		// start-up logs stay at INFO (they explain a failed start); request logging is off by default anyway
		return builder.start();
	}

	private static void awaitReady(String base, Process gateway, Path work) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			if (!gateway.isAlive()) {
				throw new IllegalStateException("gateway exited; see " + work.resolve("gateway.log"));
			}
			try {
				HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("gateway not ready in time; see " + work.resolve("gateway.log"));
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

	private static void probe(String url, String header) throws Exception {
		int colon = header.indexOf(':');
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header(header.substring(0, colon), header.substring(colon + 1).trim())
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("probe " + url + " -> " + r.statusCode() + " " + r.body());
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
