package org.grassroots.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's package) and reads its summary. */
public final class Wrk {

	private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

	private Wrk() {
	}

	/** One measurement. */
	public record Result(String name, double requestsPerSecond, double p50Millis, double p99Millis, long requests,
			long errors) {
	}

	public static Result run(String name, String url, int threads, int connections, int seconds, String... headers) {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
				"--latency", "--timeout", "5s"));
		for (String header : headers) {
			command.add("-H");
			command.add(header);
		}
		command.add(url);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("wrk failed:\n" + out);
			}
			return parse(name, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("wrk not runnable (apt-get install wrk)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static Result parse(String name, String out) {
		Matcher rps = RPS.matcher(out);
		if (!rps.find()) {
			throw new IllegalStateException("no throughput in wrk output:\n" + out);
		}
		double p50 = Double.NaN;
		double p99 = Double.NaN;
		Matcher p = PERCENTILE.matcher(out);
		while (p.find()) {
			double millis = toMillis(Double.parseDouble(p.group(2)), p.group(3));
			if (p.group(1).equals("50")) {
				p50 = millis;
			}
			else {
				p99 = millis;
			}
		}
		Matcher errors = NON_2XX.matcher(out);
		Matcher requests = REQUESTS.matcher(out);
		return new Result(name, Double.parseDouble(rps.group(1)), p50, p99,
				requests.find() ? Long.parseLong(requests.group(1)) : 0, errors.find() ? Long.parseLong(errors.group(1)) : 0);
	}

	private static double toMillis(double value, String unit) {
		return switch (unit) {
			case "us" -> value / 1000.0;
			case "s" -> value * 1000.0;
			default -> value;
		};
	}
}
