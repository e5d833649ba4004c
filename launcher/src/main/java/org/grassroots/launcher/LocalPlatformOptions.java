package org.grassroots.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.grassroots.launcher.apps.PlatformApp;

/**
 * How to run the local platform. A port of 0 means "any free port".
 *
 * @param dataDirectory where PostgreSQL, Redis, secrets, logs and the credentials file live
 * @param issuerPort the local OIDC issuer
 * @param postgresPort the embedded PostgreSQL server
 * @param redisPort the embedded Redis server
 * @param appPorts the gateway and the five services
 * @param readinessTimeout how long each app may take to become ready
 * @param jvmOptions extra options for every child JVM (after the defaults, so they win)
 * @param seedDemoData create the demo tenants, integrator clients and demo records
 * @param freshData wipe the data directory first (tests); otherwise it is reused when usable
 */
public record LocalPlatformOptions(Path dataDirectory, int issuerPort, int postgresPort, int redisPort,
		Map<PlatformApp, Integer> appPorts, Duration readinessTimeout, List<String> jvmOptions, boolean seedDemoData,
		boolean freshData) {

	public static final int DEFAULT_ISSUER_PORT = 9000;

	public static final int DEFAULT_POSTGRES_PORT = 15432;

	public static final int DEFAULT_REDIS_PORT = 16379;

	/** Six JVMs starting at once on a busy two-core machine can take minutes; a crash is noticed at once anyway. */
	public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofMinutes(5);

	public LocalPlatformOptions {
		dataDirectory = dataDirectory.toAbsolutePath().normalize();
		EnumMap<PlatformApp, Integer> ports = new EnumMap<>(PlatformApp.class);
		for (PlatformApp app : PlatformApp.values()) {
			ports.put(app, appPorts.getOrDefault(app, app.defaultPort()));
		}
		appPorts = Map.copyOf(ports);
		jvmOptions = List.copyOf(jvmOptions);
	}

	/** The developer's platform: fixed well-known ports, data in {@code .grassroots} of the working directory. */
	public static LocalPlatformOptions defaults() {
		return new LocalPlatformOptions(Path.of(".grassroots"), DEFAULT_ISSUER_PORT, DEFAULT_POSTGRES_PORT,
				DEFAULT_REDIS_PORT, Map.of(), DEFAULT_READINESS_TIMEOUT, List.of(), true, false);
	}

	/** For tests: free ports everywhere and a throw-away data directory that is wiped first. */
	public static LocalPlatformOptions forTests(Path dataDirectory) {
		EnumMap<PlatformApp, Integer> free = new EnumMap<>(PlatformApp.class);
		for (PlatformApp app : PlatformApp.values()) {
			free.put(app, 0);
		}
		return new LocalPlatformOptions(dataDirectory, 0, 0, 0, free, DEFAULT_READINESS_TIMEOUT, List.of(), true,
				true);
	}

	public int appPort(PlatformApp app) {
		return appPorts.get(app);
	}

	public LocalPlatformOptions withReadinessTimeout(Duration timeout) {
		return new LocalPlatformOptions(dataDirectory, issuerPort, postgresPort, redisPort, appPorts, timeout,
				jvmOptions, seedDemoData, freshData);
	}

	public LocalPlatformOptions withJvmOptions(List<String> options) {
		return new LocalPlatformOptions(dataDirectory, issuerPort, postgresPort, redisPort, appPorts,
				readinessTimeout, options, seedDemoData, freshData);
	}

}
