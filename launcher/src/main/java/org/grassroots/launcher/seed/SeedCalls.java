package org.grassroots.launcher.seed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.launcher.LauncherException;
import tools.jackson.databind.JsonNode;

/** What the demo data classes of grid-service and member-service share: reading whole lists, checking answers. */
final class SeedCalls {

	/** The services' hard maximum page size. */
	private static final int PAGE = 100;

	/** More than any demo list needs: a guard against a cursor that never ends. */
	private static final int MAX_PAGES = 50;

	private SeedCalls() {
	}

	/**
	 * Every item of a cursor-paginated list. {@code path} may carry a query already.
	 *
	 * @return empty when the API does not exist (404)
	 */
	static Optional<List<JsonNode>> all(TenantSession.Caller caller, String path) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			String url = path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE
					+ (cursor == null ? "" : "&cursor=" + query(cursor));
			ApiResponse response = caller.get(url);
			if (response.status() == 404 && page == 0) {
				return Optional.empty();
			}
			require(response, "GET " + url);
			items.addAll(response.items());
			cursor = text(response.body().path("nextCursor"));
			if (cursor == null || cursor.isEmpty()) {
				return Optional.of(items);
			}
		}
		throw new LauncherException("GET " + path + " did not end after " + MAX_PAGES + " pages");
	}

	/** The first item whose field has this value. */
	static Optional<JsonNode> find(List<JsonNode> items, String field, String value) {
		return items.stream().filter(item -> value.equals(text(item.path(field)))).findFirst();
	}

	/** The answer's body, or a launcher failure naming what was attempted and what the service said. */
	static JsonNode require(ApiResponse response, String what) {
		if (!response.isSuccess()) {
			throw new LauncherException("Demo data: " + what + " → " + response);
		}
		return response.body();
	}

	/** A string field's value; {@code null} when it is absent, null or not a string. */
	static String text(JsonNode node) {
		return node != null && node.isString() ? node.stringValue() : null;
	}

	static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
