package org.grassroots.launcher.seed;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/** A gateway response: status, parsed JSON body (missing node when empty or not JSON) and headers. */
public record ApiResponse(int status, JsonNode body, String rawBody, HttpHeaders headers) {

	public boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	/**
	 * The records of a list response, whether the body is a bare array or a page object ({@code items},
	 * {@code content} or {@code data}).
	 */
	public List<JsonNode> items() {
		JsonNode array = body.isArray() ? body : firstArray(body, "items", "content", "data");
		if (array == null) {
			return List.of();
		}
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static JsonNode firstArray(JsonNode node, String... fields) {
		for (String field : fields) {
			JsonNode candidate = node.path(field);
			if (candidate.isArray()) {
				return candidate;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return status + " " + (rawBody.length() > 500 ? rawBody.substring(0, 500) + "…" : rawBody);
	}

}
