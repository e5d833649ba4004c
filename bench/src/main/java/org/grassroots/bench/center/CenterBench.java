package org.grassroots.bench.center;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * bench/center: (1) nearest-5 over 100,000 stations in-process, beside a brute-force scan and PostGIS KNN on the same
 * points; (2) coverage of 10,000 compounds by 2,000 centers with the best 10 of 500 candidate sites, beside brute
 * force; (3) 100 concurrent attempts at one room slot through the gateway and at two replicas. Usage:
 * {@code CenterBench [knn,coverage,booking]}; PostGIS is reached through {@code CENTER_BENCH_POSTGIS_URL}.
 */
public final class CenterBench {

	private CenterBench() {
	}

	public static void main(String[] args) throws Exception {
		Set<String> parts = Set.of((args.length > 0 ? args[0] : "knn,coverage,booking").split(","));
		StringBuilder out = new StringBuilder();
		out.append(String.format("bench/center, %s, %d cores, Java %s%n", Instant.now(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
		if (parts.contains("knn")) {
			String part = KnnBench.run(100_000, 100_000, System.getenv("CENTER_BENCH_POSTGIS_URL"));
			System.out.print(part);
			out.append(part);
		}
		if (parts.contains("coverage")) {
			String part = CoverageBench.run(10_000, 2_000, 500, 10);
			System.out.print(part);
			out.append(part);
		}
		if (parts.contains("booking")) {
			Path work = Files.createTempDirectory("grassroots-bench-center");
			String part = BookingRaceBench.run(100, work);
			System.out.print(part);
			out.append(part);
		}
		try {
			Path dir = Path.of("bench", "results");
			Files.createDirectories(dir);
			Path file = dir.resolve("center-" + Instant.now().toString().replace(':', '-') + ".txt");
			Files.writeString(file, out);
			System.out.println("\nsaved " + file);
		}
		catch (IOException ex) {
			System.err.println("could not save the results: " + ex.getMessage());
		}
		System.exit(0);
	}
}
