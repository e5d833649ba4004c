package org.grassroots.bench.member;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds consumed by processes, from /proc (Linux): on a machine shared with other work, wall time says how
 * loaded it was; CPU time says what the work itself cost.
 */
final class CpuTime {

	private static final double TICKS_PER_SECOND = 100.0;

	private CpuTime() {
	}

	/** utime + stime of one process, in seconds; 0 when it is gone or /proc is unavailable. */
	static double of(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** The PostgreSQL server listening on the port (its postmaster), or -1. */
	static long postmaster(int port) {
		try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path dir : proc) {
				try {
					String cmdline = Files.readString(dir.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
					if (cmdline.contains("postgres") && cmdline.contains("-p " + port + " ")) {
						return Long.parseLong(dir.getFileName().toString());
					}
				}
				catch (IOException | RuntimeException ex) {
					// gone or not readable
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return -1;
	}

	/** The postmaster and all its live children (backends, background workers). */
	static double postgres(long postmaster) {
		if (postmaster < 0) {
			return 0;
		}
		double total = of(postmaster);
		try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path dir : proc) {
				try {
					String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					if (Long.parseLong(fields[1]) == postmaster) {
						total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
					}
				}
				catch (IOException | RuntimeException ex) {
					// gone or not readable
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return total;
	}
}
