package org.grassroots.launcher.apps;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

import org.grassroots.launcher.infra.ProcessRegistry;

/** One running app: its JVM and its log file. */
final class ChildProcess {

	private final PlatformApp app;

	private final Process process;

	private final Path log;

	private ChildProcess(PlatformApp app, Process process, Path log) {
		this.app = app;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the JVM with stdout and stderr appended to {@code log}.
	 * @param spawner the one long-lived thread every child is started from: with {@code --pdeathsig} the kernel
	 * signals a child when the thread that started it ends, so that thread must live as long as the platform
	 */
	static ChildProcess launch(PlatformApp app, List<String> command, Map<String, String> environment,
			Path workingDirectory, Path log, ExecutorService spawner) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			Process process = spawner.submit(builder::start).get();
			return new ChildProcess(app, process, log);
		}
		catch (ExecutionException ex) {
			throw new UncheckedIOException("Could not start " + app.appName() + ": " + String.join(" ", command),
					ex.getCause() instanceof IOException io ? io : new IOException(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting " + app.appName(), ex);
		}
	}

	PlatformApp app() {
		return app;
	}

	ProcessHandle handle() {
		return process.toHandle();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	int exitValue() {
		return process.exitValue();
	}

	Path log() {
		return log;
	}

	/** SIGTERM (Spring's graceful shutdown), then SIGKILL after {@code grace}; its own children too. */
	void stop(Duration grace) {
		List<ProcessHandle> descendants = process.descendants().toList();
		ProcessRegistry.stop(process.toHandle(), grace);
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	/** The last lines of the log, to show why an app did not start. */
	String logTail(int lines) {
		if (!Files.isRegularFile(log)) {
			return "(no log at " + log + ")";
		}
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			long from = Math.max(0, length - 64 * 1024);
			byte[] bytes = new byte[(int) (length - from)];
			file.seek(from);
			file.readFully(bytes);
			List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(could not read " + log + ": " + ex.getMessage() + ")";
		}
	}

}
