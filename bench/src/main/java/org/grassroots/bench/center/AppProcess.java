package org.grassroots.bench.center;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One of our apps started from its executable jar in its own JVM, with its environment, until closed. */
final class AppProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String name;

	private final Process process;

	private final Path log;

	private final String base;

	private AppProcess(String name, Process process, Path log, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.base = "http://127.0.0.1:" + port;
	}

	static AppProcess start(String name, Path jar, Path work, int port, Map<String, String> env) throws IOException {
		if (!Files.exists(jar)) {
			throw new IllegalStateException("build it first: " + jar);
		}
		// a private copy: a rebuild of the module during the run must not swap the jar under the JVM
		Path copy = work.resolve(name + ".jar");
		Files.copy(jar, copy);
		Path log = work.resolve(name + ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", copy.toAbsolutePath().toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		return new AppProcess(name, builder.start(), log, port);
	}

	String base() {
		return base;
	}

	void awaitReady(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited; see " + log);
			}
			try {
				HttpResponse<String> r = HTTP.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
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
		throw new IllegalStateException(name + " not ready in time; see " + log);
	}

	@Override
	public void close() {
		process.destroy();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
