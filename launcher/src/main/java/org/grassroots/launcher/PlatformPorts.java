package org.grassroots.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.launcher.apps.PlatformApp;

/**
 * The ports the platform will use: fixed ones checked to be free up front (one clear message naming every
 * conflict, instead of an app failing minutes later), 0 replaced by a free port.
 */
record PlatformPorts(int issuer, int postgres, int redis, Map<PlatformApp, Integer> apps) {

	static PlatformPorts resolve(LocalPlatformOptions options) {
		Set<Integer> taken = new HashSet<>();
		List<String> conflicts = new ArrayList<>();
		int issuer = port("issuer", "--issuer-port", options.issuerPort(), taken, conflicts);
		int postgres = port("PostgreSQL", "--postgres-port", options.postgresPort(), taken, conflicts);
		int redis = port("Redis", "--redis-port", options.redisPort(), taken, conflicts);
		Map<PlatformApp, Integer> apps = new EnumMap<>(PlatformApp.class);
		for (PlatformApp app : PlatformApp.values()) {
			apps.put(app, port(app.appName(), "--" + app.database() + "-port", options.appPort(app), taken, conflicts));
		}
		if (!conflicts.isEmpty()) {
			throw new LauncherException("Ports in use: " + String.join("; ", conflicts)
					+ ". Stop what holds them, or choose other ports.");
		}
		return new PlatformPorts(issuer, postgres, redis, Map.copyOf(apps));
	}

	private static int port(String what, String option, int wanted, Set<Integer> taken, List<String> conflicts) {
		if (wanted == 0) {
			int free;
			do {
				free = freePort();
			}
			while (!taken.add(free));
			return free;
		}
		if (!taken.add(wanted)) {
			conflicts.add(wanted + " is given to two components (" + what + ")");
		}
		else if (!isFree(wanted)) {
			conflicts.add(wanted + " (" + what + ", change with " + option + ")");
		}
		return wanted;
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

}
