package org.grassroots.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server: the one named by {@code GRASSROOTS_TEST_PG_URL} (a superuser JDBC URL, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret}) or an embedded one started
 * from binaries shipped in a Maven artifact. Used by tests (one server per JVM, see {@link #shared()}) and by the
 * local launcher (its own server with a persistent data directory).
 */
public final class PostgresServer implements AutoCloseable {

	private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

	private static volatile PostgresServer shared;

	private final EmbeddedPostgres embedded;

	private final String adminUrl;

	private final String host;

	private final int port;

	private PostgresServer(EmbeddedPostgres embedded, String adminUrl, String host, int port) {
		this.embedded = embedded;
		this.adminUrl = adminUrl;
		this.host = host;
		this.port = port;
	}

	/** The server every test in this JVM shares; started on first use and stopped when the JVM exits. */
	public static PostgresServer shared() {
		PostgresServer server = shared;
		if (server == null) {
			synchronized (PostgresServer.class) {
				server = shared;
				if (server == null) {
					String url = System.getenv("GRASSROOTS_TEST_PG_URL");
					server = (url != null && !url.isBlank()) ? external(url) : embedded(null, 0);
					PostgresServer started = server;
					Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop"));
					shared = server;
				}
			}
		}
		return server;
	}

	/** A server reached by a superuser JDBC URL. */
	public static PostgresServer external(String superuserJdbcUrl) {
		var uri = java.net.URI.create(superuserJdbcUrl.substring("jdbc:".length()));
		return new PostgresServer(null, superuserJdbcUrl, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
	}

	/**
	 * Starts an embedded server. With a data directory the data survives restarts (the launcher); without one
	 * it lives in a temporary directory removed on close (tests).
	 * @param dataDirectory where the cluster lives, or {@code null} for a throw-away one
	 * @param port the port, or 0 for a free one
	 */
	public static PostgresServer embedded(Path dataDirectory, int port) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "400")
				.setServerConfig("fsync", dataDirectory == null ? "off" : "on")
				.setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
				.setServerConfig("full_page_writes", dataDirectory == null ? "off" : "on")
				.setServerConfig("timezone", "UTC")
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8");
			if (port > 0) {
				builder.setPort(port);
			}
			if (dataDirectory != null) {
				Files.createDirectories(dataDirectory);
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			EmbeddedPostgres pg = builder.start();
			String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
			return new PostgresServer(pg, url, "127.0.0.1", pg.getPort());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded PostgreSQL", ex);
		}
	}

	public String host() {
		return host;
	}

	public int port() {
		return port;
	}

	/**
	 * Creates (or re-creates when {@code fresh}) a database owned by {@code <name>_owner}, with an application
	 * role {@code <name>_app} that owns nothing, is no superuser and lacks BYPASSRLS.
	 * @param name the database name, lower case
	 * @param fresh drop any existing database of that name first
	 */
	public DatabaseCredentials createDatabase(String name, boolean fresh) {
		if (!SAFE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Unsafe database name: " + name);
		}
		String owner = name + "_owner";
		String app = name + "_app";
		String ownerPassword = passwordFor(owner);
		String appPassword = passwordFor(app);
		try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
			boolean exists;
			try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				exists = rs.next();
			}
			if (exists && fresh) {
				s.execute("drop database " + name + " with (force)");
				exists = false;
			}
			ensureRole(s, owner, ownerPassword, "NOSUPERUSER NOBYPASSRLS NOCREATEROLE");
			ensureRole(s, app, appPassword, "NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
			if (!exists) {
				s.execute("create database " + name + " owner " + owner + " encoding 'UTF8' template template0");
			}
			s.execute("revoke all on database " + name + " from public");
			s.execute("grant connect, temporary on database " + name + " to " + app);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
		return new DatabaseCredentials(url, owner, ownerPassword, app, appPassword);
	}

	/** A fresh database with a unique name, for a test class that wants one of its own. */
	public DatabaseCredentials createUniqueDatabase(String prefix) {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		return createDatabase((prefix + "_" + suffix).toLowerCase(Locale.ROOT), true);
	}

	private static void ensureRole(Statement s, String role, String password, String attributes) throws SQLException {
		boolean exists;
		try (var rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
			exists = rs.next();
		}
		String verb = exists ? "alter" : "create";
		s.execute(verb + " role " + role + " with login " + attributes + " password '" + password + "'");
	}

	/**
	 * Passwords for local and test roles: derived, not secret (the server listens on loopback only). Real
	 * deployments take credentials from Kubernetes secrets.
	 */
	private static String passwordFor(String role) {
		return "local-" + Integer.toHexString(Objects.hash(role, "grassroots"));
	}

	@Override
	public void close() {
		if (embedded != null) {
			try {
				embedded.close();
			}
			catch (IOException ex) {
				// stopping is best effort at shutdown
			}
		}
	}
}
