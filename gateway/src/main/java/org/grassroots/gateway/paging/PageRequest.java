package org.grassroots.gateway.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;

/**
 * {@code ?limit=&cursor=} of a keyset-paginated list. The cursor is the last key of the previous page,
 * base64url-encoded so callers treat it as opaque.
 * @param limit page size, 1..{@link #MAX_LIMIT}
 * @param after the key after which the page starts, or {@code null} for the first page
 */
public record PageRequest(int limit, String after) {

	public static final int MAX_LIMIT = 100;

	public static final int DEFAULT_LIMIT = 20;

	public static PageRequest of(Integer limit, String cursor) {
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			throw ProblemException.of(ProblemType.BAD_REQUEST, "bad-request.detail.limit", MAX_LIMIT);
		}
		return new PageRequest(size, cursor == null || cursor.isEmpty() ? null : decode(cursor));
	}

	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		try {
			String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (key.isEmpty() || key.length() > 100) {
				throw new IllegalArgumentException("cursor out of range");
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.of(ProblemType.BAD_REQUEST, "bad-request.detail.cursor");
		}
	}

	/**
	 * Builds the page from {@code limit + 1} fetched rows: the extra row only says that another page exists.
	 */
	public <T> Page<T> page(List<T> fetched, Function<T, String> key) {
		if (fetched.size() <= limit) {
			return new Page<>(fetched, null);
		}
		List<T> items = fetched.subList(0, limit);
		return new Page<>(List.copyOf(items), encode(key.apply(items.get(items.size() - 1))));
	}

}
