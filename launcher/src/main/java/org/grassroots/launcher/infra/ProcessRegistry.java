package org.grassroots.launcher.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the processes the launcher started (pid and start time, in the data directory) so that a launcher
 * killed without a chance to clean up (SIGKILL, power loss) leaves nothing running past the next start: the next
 * launcher stops what the file names before it starts anything. The start time guards against a reused pid.
 */
public final class ProcessRegistry {

	private static final Logger log = LoggerFactory.getLogger(ProcessRegistry.class);

	private final Path file;

	public ProcessRegistry(Path file) {
		this.file = file;
	}

	public synchronized void record(String name, ProcessHandle process) {
		Properties entries = read();
		entries.setProperty(name, process.pid() + "@" + process.info().startInstant().map(Object::toString).orElse(""));
		write(entries);
	}

	public synchronized void forget(String name) {
		Properties entries = read();
		if (entries.remove(name) != null) {
			write(entries);
		}
	}

	/**
	 * Stops processes left by an earlier launcher, and a PostgreSQL server still running on the data directory.
	 */
	public synchronized void stopLeftovers(Path postgresDataDirectory) {
		Properties entries = read();
		for (String name : entries.stringPropertyNames()) {
			leftover(entries.getProperty(name)).ifPresent(process -> {
				log.warn("Stopping {} (pid {}) left running by an earlier launcher", name, process.pid());
				stop(process, Duration.ofSeconds(15));
			});
		}
		write(new Properties());
		postmaster(postgresDataDirectory).ifPresent(process -> {
			log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier launcher", process.pid(),
					postgresDataDirectory);
			// SIGTERM is PostgreSQL's "smart" shutdown: immediate once its clients (stopped above) are gone
			stop(process, Duration.ofSeconds(30));
		});
	}

	private static Optional<ProcessHandle> leftover(String entry) {
		int at = entry.indexOf('@');
		if (at < 0) {
			return Optional.empty();
		}
		String started = entry.substring(at + 1);
		try {
			return ProcessHandle.of(Long.parseLong(entry.substring(0, at)))
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().startInstant().map(Object::toString).orElse("").equals(started));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The server named in {@code postmaster.pid}, if it is still a running postgres process. */
	public static Optional<ProcessHandle> postmaster(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
			return ProcessHandle.of(Long.parseLong(firstLine))
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** SIGTERM, wait, then SIGKILL. */
	public static void stop(ProcessHandle process, Duration grace) {
		process.destroy();
		CompletableFuture<ProcessHandle> exit = process.onExit();
		try {
			exit.get(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
			try {
				exit.get(5, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				log.warn("Process {} did not exit after SIGKILL", process.pid());
			}
		}
	}

	private Properties read() {
		Properties entries = new Properties();
		if (Files.isRegularFile(file)) {
			try (var in = Files.newInputStream(file)) {
				entries.load(in);
			}
			catch (IOException ex) {
				log.warn("Ignoring unreadable {}", file);
			}
		}
		return entries;
	}

	private void write(Properties entries) {
		try (var out = Files.newOutputStream(file)) {
			entries.store(out, "Processes started by the Grassroots launcher: name=pid@start");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
