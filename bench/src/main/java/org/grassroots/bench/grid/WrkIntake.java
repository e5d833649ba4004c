package org.grassroots.bench.grid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.bench.Wrk;
import org.locationtech.jts.geom.Envelope;

/**
 * The load generator: wrk (Debian's package, C, one event loop per thread) with a Lua script that POSTs a JSON case
 * at a random point inside the grids' extent (the tessellation covers it, so every point lies in some grid) in one
 * of several categories. The script counts the requests it built and the answers by status; wrk runs under a shell
 * that prints the CPU time wrk used once it has exited (the shell's reaped-children time), so the load generator's
 * own cost is measured, not guessed.
 */
final class WrkIntake {

	/** Categories of the default taxonomy without required attributes. */
	static final List<String> CATEGORIES = List.of("env-garbage", "env-sewage", "env-noise", "facility-manhole",
			"facility-streetlight", "facility-road", "dispute-neighbour", "dispute-property", "safety-fire-passage",
			"livelihood-service", "suggestion");

	private static final Pattern STATUS = Pattern.compile("^STATUS (\\d+) (\\d+)$", Pattern.MULTILINE);

	private static final Pattern FIRST_ERROR = Pattern.compile("^FIRST_ERROR (.*)$", Pattern.MULTILINE);

	private static final Pattern SENT = Pattern.compile("^SENT (\\d+)$", Pattern.MULTILINE);

	private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern SHELL_STAT = Pattern.compile("^WRKSTAT (.*)$", Pattern.MULTILINE);

	private WrkIntake() {
	}

	/**
	 * One wrk run.
	 * @param sent requests the script built (answered or not: the ones in flight when wrk stopped are never counted)
	 * @param statuses answers by HTTP status
	 * @param socketErrors connect/read/write errors and timeouts
	 * @param cpuSeconds CPU time wrk used (user + system)
	 */
	record Run(String name, int seconds, double requestsPerSecond, double p50Millis, double p99Millis, long sent,
			Map<Integer, Long> statuses, long socketErrors, double cpuSeconds, List<String> firstErrors) {

		long ok() {
			return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
		}

		long answered() {
			return statuses.values().stream().mapToLong(Long::longValue).sum();
		}

		String errorsByStatus() {
			StringBuilder out = new StringBuilder();
			statuses.forEach((status, n) -> {
				if (status / 100 != 2) {
					out.append(out.isEmpty() ? "" : ", ").append(status).append(": ").append(n);
				}
			});
			if (socketErrors > 0) {
				out.append(out.isEmpty() ? "" : ", ").append("socket errors/timeouts: ").append(socketErrors);
			}
			return out.isEmpty() ? "none" : out.toString();
		}
	}

	/** Writes the Lua script for one target; {@code header} is e.g. {@code X-API-Key} with its value. */
	static Path script(Path dir, String name, Envelope extent, String headerName, String headerValue) throws IOException {
		StringBuilder categories = new StringBuilder();
		for (String c : CATEGORIES) {
			categories.append(categories.isEmpty() ? "" : ", ").append('"').append(c).append('"');
		}
		String lua = String.format(Locale.ROOT, """
				-- bench/grid intake: a case at a random point of the grids' extent, in a random category
				local min_lat, min_lng, d_lat, d_lng = %.7f, %.7f, %.7f, %.7f
				local categories = { %s }
				local headers = { ["Content-Type"] = "application/json", ["%s"] = "%s" }
				local threads = {}
				local counter = 0

				function setup(thread)
				  counter = counter + 1
				  thread:set("seed", counter)
				  table.insert(threads, thread)
				end

				function init(args)
				  math.randomseed(os.time() * 1000 + seed)
				  sent = 0
				  statuses = {}
				end

				function request()
				  sent = sent + 1
				  local body = string.format('{"category":"%%s","description":"垃圾堆放未清运，影响通行","lat":%%.6f,"lng":%%.6f}',
				    categories[math.random(#categories)], min_lat + math.random() * d_lat, min_lng + math.random() * d_lng)
				  return wrk.format("POST", "/api/v1/cases", headers, body)
				end

				function response(status, headers, body)
				  statuses[status] = (statuses[status] or 0) + 1
				  if status >= 300 and first_error == nil then
				    first_error = status .. " " .. string.sub(string.gsub(body, "%%s+", " "), 1, 400)
				  end
				end

				function done(summary, latency, requests)
				  local total_sent = 0
				  local all = {}
				  for _, thread in ipairs(threads) do
				    total_sent = total_sent + thread:get("sent")
				    for status, n in pairs(thread:get("statuses")) do
				      all[status] = (all[status] or 0) + n
				    end
				  end
				  io.write(string.format("SENT %%d\\n", total_sent))
				  for _, thread in ipairs(threads) do
				    local e = thread:get("first_error")
				    if e then io.write("FIRST_ERROR " .. e .. "\\n") end
				  end
				  for status, n in pairs(all) do
				    io.write(string.format("STATUS %%d %%d\\n", status, n))
				  end
				end
				""", extent.getMinY(), extent.getMinX(), extent.getHeight(), extent.getWidth(), categories, headerName,
				headerValue);
		Path file = dir.resolve(name + ".lua");
		Files.writeString(file, lua, StandardCharsets.UTF_8);
		return file;
	}

	static Run run(String name, String baseUrl, Path script, int threads, int connections, int seconds) {
		// the shell waits for wrk, then reads its own /proc stat: cutime + cstime are wrk's CPU time
		List<String> command = new ArrayList<>(List.of("bash", "-c",
				"wrk \"$@\"; rc=$?; read -r s < /proc/$$/stat; echo \"WRKSTAT $s\"; exit $rc", "wrk",
				"-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "5s", "-s",
				script.toString(), baseUrl));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("wrk failed:\n" + out);
			}
			return parse(name, seconds, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("wrk not runnable (apt-get install wrk)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Run parse(String name, int seconds, String out) {
		// throughput and latency as every bench reads wrk's summary; the rest is this script's own report
		Wrk.Result summary = Wrk.parse(name, out);
		Map<Integer, Long> statuses = new TreeMap<>();
		Matcher s = STATUS.matcher(out);
		while (s.find()) {
			statuses.put(Integer.parseInt(s.group(1)), Long.parseLong(s.group(2)));
		}
		Matcher sent = SENT.matcher(out);
		long socketErrors = 0;
		Matcher e = ERRORS.matcher(out);
		if (e.find()) {
			for (int i = 1; i <= 4; i++) {
				socketErrors += Long.parseLong(e.group(i));
			}
		}
		double cpu = Double.NaN;
		Matcher stat = SHELL_STAT.matcher(out);
		if (stat.find()) {
			String line = stat.group(1);
			String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
			// after the command: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here
			cpu = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / ProcessCpu.TICKS;
		}
		List<String> firstErrors = new ArrayList<>();
		Matcher fe = FIRST_ERROR.matcher(out);
		while (fe.find()) {
			firstErrors.add(fe.group(1));
		}
		return new Run(name, seconds, summary.requestsPerSecond(), summary.p50Millis(), summary.p99Millis(),
				sent.find() ? Long.parseLong(sent.group(1)) : -1, statuses, socketErrors, cpu, firstErrors);
	}
}
