package org.grassroots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A real Redis server: the one named by {@code GRASSROOTS_TEST_REDIS_URL} (e.g. {@code redis://127.0.0.1:6379})
 * or an embedded one started from the binary shipped in a Maven artifact. Tests share one per JVM
 * ({@link #shared()}); the launcher starts its own with a persistent directory.
 */
public final class RedisServerHandle implements AutoCloseable {

	private static volatile RedisServerHandle shared;

	private final RedisServer embedded;

	private final String url;

	private final int port;

	private RedisServerHandle(RedisServer embedded, String url, int port) {
		this.embedded = embedded;
		this.url = url;
		this.port = port;
	}

	public static RedisServerHandle shared() {
		RedisServerHandle handle = shared;
		if (handle == null) {
			synchronized (RedisServerHandle.class) {
				handle = shared;
				if (handle == null) {
					String url = System.getenv("GRASSROOTS_TEST_REDIS_URL");
					if (url != null && !url.isBlank()) {
						handle = new RedisServerHandle(null, url, java.net.URI.create(url).getPort());
					}
					else {
						handle = embedded(null, 0);
					}
					RedisServerHandle started = handle;
					Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-stop"));
					shared = handle;
				}
			}
		}
		return handle;
	}

	/**
	 * Starts an embedded Redis on loopback.
	 * @param dataDirectory where the append-only file lives (the launcher), or {@code null} for no persistence
	 * @param port the port, or 0 for a free one
	 */
	public static RedisServerHandle embedded(Path dataDirectory, int port) {
		int actualPort = port > 0 ? port : freePort();
		try {
			var builder = RedisServer.newRedisServer().port(actualPort).bind("127.0.0.1");
			if (dataDirectory != null) {
				Files.createDirectories(dataDirectory);
				builder.setting("dir " + dataDirectory.toAbsolutePath()).setting("appendonly yes").setting("save \"\"");
			}
			else {
				// no snapshot files left behind in the temp directory
				builder.setting("save \"\"").setting("appendonly no");
			}
			RedisServer server = builder.build();
			server.start();
			return new RedisServerHandle(server, "redis://127.0.0.1:" + actualPort, actualPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded Redis", ex);
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return url;
	}

	public int port() {
		return port;
	}

	public boolean isEmbedded() {
		return embedded != null;
	}

	/** Stops an embedded server (fault tests); a server given by URL is left alone. */
	public void stop() {
		if (embedded != null) {
			try {
				embedded.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** Starts a stopped embedded server again on the same port. */
	public void restart() {
		if (embedded != null) {
			try {
				embedded.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public void close() {
		if (embedded != null && embedded.isActive()) {
			try {
				embedded.stop();
			}
			catch (IOException ex) {
				// best effort at shutdown
			}
		}
	}
}
