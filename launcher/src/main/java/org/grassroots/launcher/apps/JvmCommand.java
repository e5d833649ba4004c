package org.grassroots.launcher.apps;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The command line of a child JVM: the launcher's own {@code java}, small-footprint options, the app jar.
 */
final class JvmCommand {

	/**
	 * Six JVMs share a laptop: a modest heap, C1 only (starts much faster, peak speed does not matter locally) and
	 * the serial collector (no GC threads competing for the cores).
	 */
	static final List<String> DEFAULT_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

	private static final List<String> PREFIX = detachPrefix();

	private JvmCommand() {
	}

	static List<String> forJar(Path jar, List<String> extraOptions) {
		List<String> command = new ArrayList<>(PREFIX);
		command.add(ProcessHandle.current().info().command().orElse(javaFromHome()));
		command.addAll(DEFAULT_OPTIONS);
		if (Runtime.version().feature() >= 22) {
			// Netty asks for native access on recent JDKs; granting it silences a warning per app
			command.add("--enable-native-access=ALL-UNNAMED");
		}
		command.addAll(extraOptions);
		command.add("-jar");
		command.add(jar.toString());
		return command;
	}

	/** Whether children die with the launcher even when it is killed outright. */
	static boolean childrenFollowLauncher() {
		return !PREFIX.isEmpty();
	}

	private static String javaFromHome() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * On Linux (util-linux): {@code setsid} puts each child in its own session, so a Ctrl-C in the terminal reaches
	 * only the launcher, which then stops the children in order; {@code setpriv --pdeathsig TERM} makes the kernel
	 * send a child SIGTERM if the launcher dies without stopping it (even on SIGKILL). Elsewhere children are
	 * started directly and a killed launcher's leftovers are stopped by the next start.
	 */
	private static List<String> detachPrefix() {
		Optional<String> setsid = onPath("setsid");
		Optional<String> setpriv = onPath("setpriv").filter(JvmCommand::supportsParentDeathSignal);
		if (setsid.isEmpty() || setpriv.isEmpty()) {
			return List.of();
		}
		return List.of(setsid.get(), setpriv.get(), "--pdeathsig", "TERM");
	}

	private static Optional<String> onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, program);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate.toString());
			}
		}
		return Optional.empty();
	}

	private static boolean supportsParentDeathSignal(String setpriv) {
		try {
			Process help = new ProcessBuilder(setpriv, "--help").redirectErrorStream(true).start();
			String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			help.waitFor(5, TimeUnit.SECONDS);
			return text.contains("--pdeathsig");
		}
		catch (Exception ex) {
			return false;
		}
	}

}
