package org.grassroots.launcher.issuer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Gets access tokens from the issuer with the client-credentials grant, as a client of the platform would. */
public final class TokenClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI tokenEndpoint;

	private final HttpClient http;

	public TokenClient(URI issuer, HttpClient http) {
		this.tokenEndpoint = issuer.resolve("/oauth2/token");
		this.http = http;
	}

	public String accessToken(String clientId, String clientSecret) {
		String basic = Base64.getEncoder()
			.encodeToString((form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Token request for " + clientId + " failed: " + response.statusCode()
						+ " " + response.body());
			}
			JsonNode body = JSON.readTree(response.body());
			return body.path("access_token").asString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Token request for " + clientId + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** RFC 6749 2.3.1: client id and secret are form-encoded before Basic encoding. */
	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
