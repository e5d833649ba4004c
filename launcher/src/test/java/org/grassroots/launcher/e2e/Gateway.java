package org.grassroots.launcher.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The gateway as a client sees it: plain HTTP with {@link HttpClient}, JSON bodies. */
final class Gateway {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI base;

	Gateway(URI base) {
		this.base = base;
	}

	Call get(String path) {
		return new Call("GET", path, null);
	}

	Call post(String path, Object body) {
		return new Call("POST", path, body);
	}

	Call patch(String path, Object body) {
		return new Call("PATCH", path, body);
	}

	/** One request being built. */
	final class Call {

		private final String method;

		private final String path;

		private final Object body;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Call(String method, String path, Object body) {
			this.method = method;
			this.path = path;
			this.body = body;
		}

		Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		Call apiKey(String key) {
			return header("X-API-Key", key);
		}

		Call header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		Reply send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json");
			headers.forEach(request::header);
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			}
			try {
				HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Reply(response.statusCode(), response.headers().map(), response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(method + " " + path + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** A response. */
	record Reply(int status, Map<String, List<String>> headers, String body) {

		JsonNode json() {
			if (body == null || body.isBlank()) {
				return MissingNode.getInstance();
			}
			try {
				return JSON.readTree(body);
			}
			catch (JacksonException ex) {
				return MissingNode.getInstance();
			}
		}

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		String contentType() {
			String value = header("Content-Type");
			return value == null ? "" : value;
		}

		/** The ids of a list page ({@code items}). */
		List<String> ids() {
			return StreamSupport.stream(json().path("items").spliterator(), false)
				.map(item -> item.path("id").asString())
				.toList();
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
