package org.grassroots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

/**
 * A plain HTTP client for tests that want to send exactly what a real client would, malformed bodies included.
 */
public final class TestHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String baseUrl;

	public TestHttp(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call patch(String path) {
		return new Call("PATCH", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call delete(String path) {
		return new Call("DELETE", path);
	}

	/** One request being built. */
	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body;

		private Duration timeout = Duration.ofSeconds(30);

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Call header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		public Call json(String json) {
			headers.putIfAbsent("Content-Type", "application/json");
			this.body = json.getBytes(StandardCharsets.UTF_8);
			return this;
		}

		public Call body(String contentType, byte[] bytes) {
			headers.put("Content-Type", contentType);
			this.body = bytes;
			return this;
		}

		public Call english() {
			return header("Accept-Language", "en");
		}

		public Call timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		public Response send() {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
			headers.forEach(builder::header);
			builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
			try {
				HttpResponse<String> response = CLIENT.send(builder.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response(response.statusCode(), response.headers().map(), response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** What came back. */
	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public <T> T json(String path) {
			return JsonPath.read(body, path);
		}

		public String contentType() {
			return header("Content-Type");
		}

		public boolean isProblem() {
			String type = contentType();
			return type != null && type.startsWith("application/problem+json");
		}
	}
}
