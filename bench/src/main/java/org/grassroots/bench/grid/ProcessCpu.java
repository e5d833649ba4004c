package org.grassroots.bench.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of the processes in a run, read from {@code /proc/<pid>/stat} (user + system clock ticks). PostgreSQL is
 * split by database: a backend's command line names its database ({@code postgres: user db 127.0.0.1(…) idle}), so
 * the grid-service database, the gateway's and the rest (postmaster, checkpointer, WAL writer…) are told apart.
 */
final class ProcessCpu {

	/** Clock ticks per second of /proc (USER_HZ: 100 on every Linux build that matters). */
	static final double TICKS = ticksPerSecond();

	private ProcessCpu() {
	}

	/** CPU seconds by name at one instant. */
	record Snapshot(Map<String, Double> seconds) {

		Snapshot minus(Snapshot earlier) {
			Map<String, Double> out = new LinkedHashMap<>();
			seconds.forEach((name, s) -> out.put(name, s - earlier.seconds.getOrDefault(name, 0.0)));
			return new Snapshot(out);
		}

		Snapshot plus(Snapshot other) {
			Map<String, Double> out = new LinkedHashMap<>(seconds);
			other.seconds.forEach((name, s) -> out.merge(name, s, Double::sum));
			return new Snapshot(out);
		}

		double get(String name) {
			return seconds.getOrDefault(name, 0.0);
		}
	}

	/**
	 * @param processes name → pid of single processes (the JVMs, Redis)
	 * @param postmaster PostgreSQL's postmaster pid; its own time, its reaped children's and every live child's
	 * @param databases database name → label for PostgreSQL backends
	 */
	static Snapshot take(Map<String, Long> processes, long postmaster, Map<String, String> databases) {
		Map<String, Double> out = new LinkedHashMap<>();
		processes.forEach((name, pid) -> out.put(name, own(pid)));
		double other = ownAndReaped(postmaster);
		for (String label : databases.values()) {
			out.putIfAbsent(label, 0.0);
		}
		for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
			double cpu = own(child.pid());
			String label = databaseOf(child.pid()).map(databases::get).orElse(null);
			if (label != null) {
				out.merge(label, cpu, Double::sum);
			}
			else {
				other += cpu;
			}
		}
		out.put("PostgreSQL (other processes)", other);
		return new Snapshot(out);
	}

	/** utime + stime of one process, in seconds (0 when it is gone). */
	static double own(long pid) {
		String[] f = fields(pid);
		return f == null ? 0 : (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
	}

	/**
	 * CPU seconds of a JVM's JIT compiler threads ("C1 CompilerThre…", "C2 CompilerThre…" in /proc/pid/task/tid/comm):
	 * while they are busy, the process is not yet running the code it will run in steady state.
	 */
	static double compiler(long pid) {
		double ticks = 0;
		try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
						String stat = Files.readString(task.resolve("stat"));
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
						// utime and stime are fields 14 and 15, here at 11 and 12 (the list starts at field 3)
						ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
					}
				}
				catch (IOException | RuntimeException ex) {
					// a compiler thread may come and go (dynamic compiler threads)
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return ticks / TICKS;
	}

	/** Also cutime + cstime: the children it waited for (PostgreSQL backends that exited). */
	private static double ownAndReaped(long pid) {
		String[] f = fields(pid);
		return f == null ? 0
				: (Long.parseLong(f[13]) + Long.parseLong(f[14]) + Long.parseLong(f[15]) + Long.parseLong(f[16])) / TICKS;
	}

	/** Fields of /proc/pid/stat, field 1 being index 0; the command (field 2) may hold spaces, so split after it. */
	static String[] fields(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String rest = stat.substring(stat.lastIndexOf(')') + 2);
			String[] tail = rest.trim().split(" ");
			String[] all = new String[tail.length + 2];
			all[0] = Long.toString(pid);
			all[1] = "comm";
			System.arraycopy(tail, 0, all, 2, tail.length);
			return all;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Optional<String> databaseOf(long pid) {
		try {
			// "postgres: grid_app gridbench_intake 127.0.0.1(41234) idle"
			String cmd = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
			String[] parts = cmd.split(" ");
			if (parts.length >= 3 && parts[0].equals("postgres:") && parts[3 - 1] != null) {
				return Optional.of(parts[2]);
			}
		}
		catch (IOException ex) {
			// gone
		}
		return Optional.empty();
	}

	/** The embedded Redis server: a child of this JVM whose executable is a redis-server. */
	static Optional<Long> embeddedRedis() {
		return ProcessHandle.current()
			.descendants()
			.filter(p -> p.info().command().map(c -> c.contains("redis")).orElse(false)
					|| p.info().commandLine().map(c -> c.contains("redis")).orElse(false))
			.map(ProcessHandle::pid)
			.findFirst();
	}

	private static double ticksPerSecond() {
		try {
			Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes()).trim();
			p.waitFor();
			return Double.parseDouble(out);
		}
		catch (Exception ex) {
			return 100;
		}
	}
}
