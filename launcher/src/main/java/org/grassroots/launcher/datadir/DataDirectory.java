package org.grassroots.launcher.datadir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.grassroots.launcher.LauncherException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's working state ({@code .grassroots/}): PostgreSQL and Redis data, generated secrets, the
 * credentials file, logs and the extracted app jars. Held under an exclusive file lock for the life of the
 * platform, so two launchers never share it.
 *
 * <p>A first start is only trusted once it completed ({@link #markInitialised()}): a directory left behind by an
 * interrupted first start, or written by an incompatible launcher, is recreated rather than half-reused.
 */
public final class DataDirectory implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	/** Bump when the layout or the seeded state changes incompatibly: older directories are then recreated. */
	static final String FORMAT = "1";

	private static final String STATE_FILE = "state.properties";

	private static final String LOCK_FILE = "launcher.lock";

	/** Kept across a reset: the lock we hold, the logs of the failed run, the app jar cache. */
	private static final Set<String> KEPT_ON_RESET = Set.of(LOCK_FILE, "logs", "apps", ".gitignore");

	private final Path root;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
		this.root = root;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/**
	 * Opens (creating if needed) and locks the directory; wipes it when {@code fresh}, or when an earlier start
	 * never completed.
	 */
	public static DataDirectory open(Path root, boolean fresh) {
		try {
			Files.createDirectories(root);
			// self-ignoring, wherever the launcher is run from
			Files.writeString(root.resolve(".gitignore"), "*\n");
			FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new LauncherException("Another launcher is using " + root
						+ ". Stop it first, or give this one its own --data-dir.");
			}
			DataDirectory directory = new DataDirectory(root, channel, lock);
			if (fresh) {
				directory.wipe();
			}
			else {
				directory.recreateIfUnusable();
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the data directory " + root, ex);
		}
	}

	private void recreateIfUnusable() {
		Properties state = readState();
		boolean hasContent = Files.exists(postgres()) || Files.exists(secrets());
		if (!hasContent) {
			return;
		}
		if (!"true".equals(state.getProperty("initialised"))) {
			reset("it was left half-initialised by an interrupted first start");
		}
		else if (!FORMAT.equals(state.getProperty("format"))) {
			reset("it was written by an incompatible launcher (format " + state.getProperty("format") + ", now "
					+ FORMAT + ")");
		}
	}

	/** Deletes all state except logs and the app jar cache, explaining why. */
	public void reset(String reason) {
		log.warn("Recreating {} from scratch: {}. Demo data and credentials will be generated anew.", root, reason);
		wipe();
	}

	private void wipe() {
		try (Stream<Path> children = Files.list(root)) {
			for (Path child : children.toList()) {
				if (!KEPT_ON_RESET.contains(child.getFileName().toString())) {
					deleteRecursively(child);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not clean " + root, ex);
		}
	}

	/** True once a start completed on this directory: its databases, secrets and credentials belong together. */
	public boolean isInitialised() {
		return "true".equals(readState().getProperty("initialised"));
	}

	/** Records that a start completed, so later starts reuse everything here. */
	public void markInitialised() {
		Properties state = new Properties();
		state.setProperty("format", FORMAT);
		state.setProperty("initialised", "true");
		state.setProperty("initialisedAt", Instant.now().toString());
		try (var out = Files.newOutputStream(root.resolve(STATE_FILE))) {
			state.store(out, "Grassroots launcher state; delete the directory to start over");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Properties readState() {
		Properties state = new Properties();
		Path file = root.resolve(STATE_FILE);
		if (Files.isRegularFile(file)) {
			try (var in = Files.newInputStream(file)) {
				state.load(in);
			}
			catch (IOException ex) {
				// an unreadable state file means an unusable directory: treated like a missing one
			}
		}
		return state;
	}

	public Path root() {
		return root;
	}

	public Path postgres() {
		return root.resolve("postgres");
	}

	public Path redis() {
		return root.resolve("redis");
	}

	public Path secrets() {
		return root.resolve("secrets");
	}

	public Path logs() {
		return root.resolve("logs");
	}

	public Path apps() {
		return root.resolve("apps");
	}

	/** Process ids of what this launcher started, to clean up after a launcher that was killed. */
	public Path processes() {
		return root.resolve("processes.properties");
	}

	public Path credentialsFile() {
		return root.resolve("local-credentials.json");
	}

	public static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
			lockChannel.close();
		}
		catch (IOException ex) {
			// the lock goes with the process anyway
		}
	}

}
