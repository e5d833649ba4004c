package org.grassroots.bench.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * grid-service's household lookup for the benchmark ({@code POST /api/v1/households/lookup}): answers from an
 * in-memory map of household id → region, as fast as loopback allows, so the import measures member-service.
 */
final class GridStub implements AutoCloseable {

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final HttpServer server;

	private final Map<String, String> households = new ConcurrentHashMap<>();

	private GridStub(HttpServer server) {
		this.server = server;
	}

	static GridStub start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		GridStub stub = new GridStub(server);
		server.createContext("/api/v1/households/lookup", stub::lookup);
		server.setExecutor(Executors.newFixedThreadPool(4, r -> {
			Thread t = new Thread(r, "grid-stub");
			t.setDaemon(true);
			return t;
		}));
		server.start();
		return stub;
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void add(String householdId, String region) {
		households.put(householdId, region);
	}

	private void lookup(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		StringBuilder found = new StringBuilder();
		StringBuilder missing = new StringBuilder();
		Matcher m = UUID.matcher(body);
		while (m.find()) {
			String id = m.group();
			String region = households.get(id);
			if (region != null) {
				found.append(found.isEmpty() ? "" : ",").append("{\"id\":\"").append(id).append("\",\"region\":\"")
					.append(region).append("\"}");
			}
			else {
				missing.append(missing.isEmpty() ? "" : ",").append('"').append(id).append('"');
			}
		}
		byte[] out = ("{\"found\":[" + found + "],\"missing\":[" + missing + "]}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, out.length);
		try (OutputStream os = exchange.getResponseBody()) {
			os.write(out);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
