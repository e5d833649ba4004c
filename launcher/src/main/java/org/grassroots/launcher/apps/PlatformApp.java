package org.grassroots.launcher.apps;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The six applications the launcher runs as child JVMs, with their database and default local port (from the
 * configuration contract in docs/architecture.md).
 */
public enum PlatformApp {

	GATEWAY("gateway", "gateway", 8080),
	CENTER("center-service", "center", 8081),
	MEMBER("member-service", "member", 8082),
	VOLUNTEER("volunteer-service", "volunteer", 8083),
	PROJECT("project-service", "project", 8084),
	GRID("grid-service", "grid", 8085);

	private final String appName;

	private final String database;

	private final int defaultPort;

	PlatformApp(String appName, String database, int defaultPort) {
		this.appName = appName;
		this.database = database;
		this.defaultPort = defaultPort;
	}

	/** The module and process name, e.g. {@code volunteer-service}. */
	public String appName() {
		return appName;
	}

	/** Its database; the roles are {@code <database>_owner} and {@code <database>_app}. */
	public String database() {
		return database;
	}

	public int defaultPort() {
		return defaultPort;
	}

	/** The upper-case key in environment names: {@code GRASSROOTS_CLIENTS_VOLUNTEER_URL}. */
	public String envKey() {
		return name();
	}

	public boolean isService() {
		return this != GATEWAY;
	}

	public static List<PlatformApp> services() {
		return Arrays.stream(values()).filter(PlatformApp::isService).toList();
	}

	/** Accepts {@code volunteer-service}, {@code volunteer} or {@code VOLUNTEER}. */
	public static PlatformApp byName(String name) {
		String wanted = name.toLowerCase(Locale.ROOT);
		for (PlatformApp app : values()) {
			if (app.appName.equals(wanted) || app.database.equals(wanted)) {
				return app;
			}
		}
		throw new IllegalArgumentException("Unknown app '" + name + "'; known: "
				+ Arrays.stream(values()).map(PlatformApp::appName).toList());
	}

}
