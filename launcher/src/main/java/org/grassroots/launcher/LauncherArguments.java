package org.grassroots.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.launcher.apps.PlatformApp;

/**
 * Command-line options of the launcher. Each option can also come from the environment: {@code --gateway-port}
 * is {@code GRASSROOTS_LOCAL_GATEWAY_PORT}; the command line wins.
 */
final class LauncherArguments {

	static final String USAGE = """
			Usage: java -jar grassroots-local.jar [options]

			Runs the Grassroots platform locally: embedded PostgreSQL and Redis, a local OIDC issuer, the gateway and
			the five services, seeded with two demo tenants. Ctrl-C stops everything.

			  --data-dir DIR            state directory (default: .grassroots in the working directory)
			  --issuer-port N           local OIDC issuer (default 9000)
			  --gateway-port N          gateway (default 8080)
			  --center-port N, --member-port N, --volunteer-port N, --project-port N, --grid-port N
			                            services (defaults 8081..8085)
			  --postgres-port N         embedded PostgreSQL (default 15432)
			  --redis-port N            embedded Redis (default 16379)
			  --readiness-timeout SEC   how long the apps may take to start (default 300)
			  --jvm-options "OPTS"      extra options for every app JVM, e.g. "-Xmx512m"
			  --no-seed                 do not create demo tenants and data
			  --fresh                   delete the state directory's data first
			  --help

			Every option also reads from the environment: --gateway-port is GRASSROOTS_LOCAL_GATEWAY_PORT.
			""";

	private LauncherArguments() {
	}

	/** @return the options, or {@code null} when help was asked for */
	static LocalPlatformOptions parse(String[] args, Map<String, String> environment) {
		Map<String, String> values = new LinkedHashMap<>();
		environment.forEach((key, value) -> {
			if (key.startsWith("GRASSROOTS_LOCAL_")) {
				values.put(key.substring("GRASSROOTS_LOCAL_".length()).toLowerCase(Locale.ROOT).replace('_', '-'),
						value);
			}
		});
		List<String> list = Arrays.asList(args);
		for (int i = 0; i < list.size(); i++) {
			String arg = list.get(i);
			if (arg.equals("--help") || arg.equals("-h")) {
				return null;
			}
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument: " + arg);
			}
			String name = arg.substring(2);
			String value;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (name.equals("no-seed") || name.equals("fresh")) {
				value = "true";
			}
			else if (i + 1 < list.size()) {
				value = list.get(++i);
			}
			else {
				throw new IllegalArgumentException("Missing value for --" + name);
			}
			values.put(name, value);
		}
		return toOptions(values);
	}

	private static LocalPlatformOptions toOptions(Map<String, String> values) {
		LocalPlatformOptions defaults = LocalPlatformOptions.defaults();
		Map<PlatformApp, Integer> appPorts = new EnumMap<>(PlatformApp.class);
		for (PlatformApp app : PlatformApp.values()) {
			appPorts.put(app, port(values.remove(app.database() + "-port"), app.defaultPort()));
		}
		Path dataDirectory = Path.of(values.getOrDefault("data-dir", defaults.dataDirectory().toString()));
		values.remove("data-dir");
		int issuerPort = port(values.remove("issuer-port"), defaults.issuerPort());
		int postgresPort = port(values.remove("postgres-port"), defaults.postgresPort());
		int redisPort = port(values.remove("redis-port"), defaults.redisPort());
		String timeout = values.remove("readiness-timeout");
		Duration readiness = timeout == null ? defaults.readinessTimeout()
				: Duration.ofSeconds(Long.parseLong(timeout.strip()));
		String jvmOptions = values.remove("jvm-options");
		List<String> jvm = jvmOptions == null || jvmOptions.isBlank() ? List.of()
				: Arrays.asList(jvmOptions.strip().split("\\s+"));
		boolean seed = !Boolean.parseBoolean(values.remove("no-seed"));
		boolean fresh = Boolean.parseBoolean(values.remove("fresh"));
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("Unknown option(s): " + values.keySet().stream().map(k -> "--" + k)
				.toList());
		}
		return new LocalPlatformOptions(dataDirectory, issuerPort, postgresPort, redisPort, appPorts, readiness, jvm,
				seed, fresh);
	}

	private static int port(String value, int fallback) {
		if (value == null) {
			return fallback;
		}
		int port = Integer.parseInt(value.strip());
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Not a port: " + value);
		}
		return port;
	}

}
