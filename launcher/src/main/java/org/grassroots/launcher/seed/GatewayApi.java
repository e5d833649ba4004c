package org.grassroots.launcher.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Calls the platform through the gateway, as any client does: JSON over HTTP with a bearer token or API key. */
public final class GatewayApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final URI gateway;

	private final HttpClient http;

	public GatewayApi(URI gateway, HttpClient http) {
		this.gateway = gateway;
		this.http = http;
	}

	public static Map<String, String> bearer(String token) {
		return Map.of("Authorization", "Bearer " + token);
	}

	public static Map<String, String> apiKey(String key) {
		return Map.of("X-API-Key", key);
	}

	public ApiResponse get(String path, Map<String, String> headers) {
		return send(request(path, headers).GET());
	}

	public ApiResponse post(String path, Object body, Map<String, String> headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	private HttpRequest.Builder request(String path, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.header("Accept-Language", "zh-CN");
		headers.forEach(builder::header);
		return builder;
	}

	private ApiResponse send(HttpRequest.Builder request) {
		HttpRequest built = request.build();
		try {
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
			return new ApiResponse(response.statusCode(), parse(response.body()), response.body(),
					response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static JsonNode parse(String body) {
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

}
