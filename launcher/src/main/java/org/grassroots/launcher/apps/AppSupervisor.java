package org.grassroots.launcher.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.grassroots.launcher.LauncherException;
import org.grassroots.launcher.infra.ProcessRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the gateway and the services as child JVMs: starts them, waits until each reports ready, restarts or stops
 * one on request, and stops all of them on close.
 */
public final class AppSupervisor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AppSupervisor.class);

	private static final Duration STOP_GRACE = Duration.ofSeconds(15);

	private static final int LOG_TAIL_LINES = 60;

	private final PlatformWiring wiring;

	private final AppJars jars;

	private final Path workingDirectory;

	private final Path logs;

	private final List<String> jvmOptions;

	private final Duration readinessTimeout;

	private final ProcessRegistry registry;

	private final ExecutorService spawner = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "grassroots-spawner");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Map<PlatformApp, ChildProcess> running = new EnumMap<>(PlatformApp.class);

	public AppSupervisor(PlatformWiring wiring, Path dataDirectory, List<String> jvmOptions, Duration readinessTimeout,
			ProcessRegistry registry) {
		this.wiring = wiring;
		this.jars = new AppJars(dataDirectory.resolve("apps"));
		this.workingDirectory = dataDirectory;
		this.logs = dataDirectory.resolve("logs");
		this.jvmOptions = List.copyOf(jvmOptions);
		this.readinessTimeout = readinessTimeout;
		this.registry = registry;
	}

	/**
	 * Starts all six together and waits until all are ready: none needs another to start (the gateway discovers
	 * the issuer and the services fetch the gateway's keys on first use), and starting them at once overlaps their
	 * waits. The previous run's logs are kept as {@code <app>.log.1}.
	 */
	public void startAll() {
		if (!JvmCommand.childrenFollowLauncher()) {
			log.info("setsid/setpriv not found: if the launcher is killed outright, the next start stops its apps");
		}
		for (PlatformApp app : PlatformApp.values()) {
			rotateLog(app);
		}
		List<ChildProcess> children = new ArrayList<>();
		for (PlatformApp app : PlatformApp.values()) {
			children.add(launch(app));
		}
		awaitReady(children);
	}

	/** Starts one app (again) and waits until it is ready. */
	public void start(PlatformApp app) {
		awaitReady(List.of(launch(app)));
	}

	/** Stops one app gracefully; a no-op if it is not running. */
	public void stop(PlatformApp app) {
		ChildProcess child;
		synchronized (running) {
			child = running.remove(app);
		}
		if (child != null) {
			log.info("Stopping {}", app.appName());
			child.stop(STOP_GRACE);
			registry.forget(app.appName());
		}
	}

	public boolean isRunning(PlatformApp app) {
		synchronized (running) {
			ChildProcess child = running.get(app);
			return child != null && child.isAlive();
		}
	}

	public Path logFile(PlatformApp app) {
		return logs.resolve(app.appName() + ".log");
	}

	private ChildProcess launch(PlatformApp app) {
		synchronized (running) {
			ChildProcess existing = running.get(app);
			if (existing != null && existing.isAlive()) {
				throw new IllegalStateException(app.appName() + " is already running");
			}
		}
		Path jar = jars.jarFor(app);
		Path logFile = logFile(app);
		try {
			Files.createDirectories(logs);
			Files.writeString(logFile, "=== " + Instant.now() + " launcher starts " + app.appName() + " on port "
					+ wiring.ports().get(app) + " ===" + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChildProcess child = ChildProcess.launch(app, JvmCommand.forJar(jar, jvmOptions),
				AppEnvironment.of(app, wiring), workingDirectory, logFile, spawner);
		synchronized (running) {
			running.put(app, child);
		}
		registry.record(app.appName(), child.handle());
		log.info("Starting {} on port {} (pid {}, log {})", app.appName(), wiring.ports().get(app),
				child.handle().pid(), logFile);
		return child;
	}

	/**
	 * Polls every pending app's readiness endpoint until all answer 200. Fails as soon as one exits, or at the
	 * timeout, showing the end of that app's log.
	 */
	private void awaitReady(List<ChildProcess> children) {
		List<ChildProcess> pending = new ArrayList<>(children);
		Instant deadline = Instant.now().plus(readinessTimeout);
		Instant started = Instant.now();
		while (!pending.isEmpty()) {
			for (ChildProcess child : List.copyOf(pending)) {
				if (!child.isAlive()) {
					throw failed(child, "exited with status " + child.exitValue() + " before it was ready");
				}
				if (isReady(child.app())) {
					pending.remove(child);
					log.info("{} is ready ({} s)", child.app().appName(),
							Duration.between(started, Instant.now()).toSeconds());
				}
			}
			if (!pending.isEmpty()) {
				if (Instant.now().isAfter(deadline)) {
					throw failed(pending.get(0), "was not ready within " + readinessTimeout.toSeconds() + " s");
				}
				sleep(Duration.ofMillis(500));
			}
		}
	}

	private boolean isReady(PlatformApp app) {
		URI readiness = wiring.url(app).resolve("/actuator/health/readiness");
		HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + app.appName(), ex);
		}
	}

	private LauncherException failed(ChildProcess child, String what) {
		String name = child.app().appName();
		return new LauncherException(name + " " + what + ". Last lines of " + child.log() + ":"
				+ System.lineSeparator() + child.logTail(LOG_TAIL_LINES));
	}

	private void rotateLog(PlatformApp app) {
		Path current = logFile(app);
		if (Files.isRegularFile(current)) {
			try {
				Files.move(current, current.resolveSibling(current.getFileName() + ".1"),
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				log.debug("Could not rotate {}", current, ex);
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** Stops every app in parallel (each gets its graceful-shutdown time, not the sum of all). */
	@Override
	public void close() {
		List<PlatformApp> apps;
		synchronized (running) {
			apps = List.copyOf(running.keySet());
		}
		CompletableFuture.allOf(apps.stream()
			.map(app -> CompletableFuture.runAsync(() -> stop(app),
					task -> new Thread(task, "stop-" + app.appName()).start()))
			.toArray(CompletableFuture[]::new)).join();
		spawner.shutdownNow();
	}

}
