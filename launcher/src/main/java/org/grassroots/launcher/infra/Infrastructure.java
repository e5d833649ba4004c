package org.grassroots.launcher.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.grassroots.launcher.LauncherException;
import org.grassroots.launcher.datadir.DataDirectory;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.PostgresServer;
import org.grassroots.testsupport.RedisServerHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded PostgreSQL (one server, one database per app, each with its owner and application role) and embedded
 * Redis, both with their data in the data directory.
 */
public final class Infrastructure implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

	private static final Duration POSTGRES_SHUTDOWN = Duration.ofSeconds(60);

	private final PostgresServer postgres;

	private final RedisServerHandle redis;

	private final Map<String, DatabaseCredentials> databases;

	private final Path postgresData;

	private Infrastructure(PostgresServer postgres, RedisServerHandle redis, Map<String, DatabaseCredentials> databases,
			Path postgresData) {
		this.postgres = postgres;
		this.redis = redis;
		this.databases = Map.copyOf(databases);
		this.postgresData = postgresData;
	}

	/**
	 * Starts both servers. When data from an earlier run cannot be used (corrupt, half-written), the data directory
	 * is recreated and the start retried once; a failure on fresh data is reported as is.
	 */
	public static Infrastructure start(DataDirectory dataDirectory, int postgresPort, int redisPort,
			Collection<String> databaseNames) {
		PostgresServer postgres = startPostgres(dataDirectory, postgresPort);
		try {
			Map<String, DatabaseCredentials> databases = new LinkedHashMap<>();
			for (String name : databaseNames) {
				// not fresh: a reused directory keeps its data; roles and grants are (re)applied either way
				databases.put(name, postgres.createDatabase(name, false));
			}
			RedisServerHandle redis = startRedis(dataDirectory, redisPort);
			return new Infrastructure(postgres, redis, databases, dataDirectory.postgres());
		}
		catch (RuntimeException ex) {
			postgres.close();
			throw ex;
		}
	}

	private static PostgresServer startPostgres(DataDirectory dataDirectory, int port) {
		boolean reused = dataDirectory.isInitialised();
		try {
			PostgresServer server = PostgresServer.embedded(dataDirectory.postgres(), port);
			log.info("PostgreSQL on port {} ({} data in {})", server.port(), reused ? "reusing" : "new",
					dataDirectory.postgres());
			return server;
		}
		catch (RuntimeException ex) {
			if (!reused) {
				throw new LauncherException("PostgreSQL did not start on port " + port + ": " + causes(ex), ex);
			}
			dataDirectory.reset("its PostgreSQL data could not be used (" + causes(ex) + ")");
			return startPostgres(dataDirectory, port);
		}
	}

	private static RedisServerHandle startRedis(DataDirectory dataDirectory, int port) {
		try {
			return started(RedisServerHandle.embedded(dataDirectory.redis(), port), dataDirectory);
		}
		catch (RuntimeException ex) {
			// Redis holds caches and counters only (see DESIGN.md): unreadable files are simply dropped
			log.warn("Redis did not start with the data in {} ({}); starting it empty", dataDirectory.redis(),
					causes(ex));
			try {
				DataDirectory.deleteRecursively(dataDirectory.redis());
			}
			catch (IOException io) {
				throw new UncheckedIOException(io);
			}
			try {
				return started(RedisServerHandle.embedded(dataDirectory.redis(), port), dataDirectory);
			}
			catch (RuntimeException again) {
				throw new LauncherException("Redis did not start on port " + port + ": " + causes(again), again);
			}
		}
	}

	private static RedisServerHandle started(RedisServerHandle redis, DataDirectory dataDirectory) {
		log.info("Redis on port {} (data in {})", redis.port(), dataDirectory.redis());
		return redis;
	}

	/** The messages of the cause chain, e.g. "Could not start …: Gave up waiting …: Connection refused". */
	static String causes(Throwable ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable t = ex; t != null && messages.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
			String message = t.getMessage() == null ? t.getClass().getSimpleName()
					: t.getMessage().lines().findFirst().orElse("");
			if (!messages.contains(message)) {
				messages.add(message);
			}
		}
		return String.join(": ", messages);
	}

	public int postgresPort() {
		return postgres.port();
	}

	public String redisUrl() {
		return redis.url();
	}

	public int redisPort() {
		return redis.port();
	}

	public DatabaseCredentials database(String name) {
		DatabaseCredentials credentials = databases.get(name);
		if (credentials == null) {
			throw new IllegalArgumentException("No database " + name + "; have " + databases.keySet());
		}
		return credentials;
	}

	/**
	 * Stops Redis, then PostgreSQL (the apps are stopped before this), and makes sure PostgreSQL is gone: its stop
	 * command gives up after 5 s, which a busy machine's shutdown checkpoint can exceed.
	 */
	@Override
	public void close() {
		redis.close();
		Optional<ProcessHandle> postmaster = ProcessRegistry.postmaster(postgresData);
		postgres.close();
		postmaster.filter(ProcessHandle::isAlive).ifPresent(process -> {
			try {
				process.onExit().get(POSTGRES_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				log.warn("PostgreSQL (pid {}) did not stop within {} s; stopping it", process.pid(),
						POSTGRES_SHUTDOWN.toSeconds());
				ProcessRegistry.stop(process, Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				// onExit does not fail
			}
		});
	}

}
