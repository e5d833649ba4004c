package org.grassroots.defaults.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the cursor of the next (absent on the last page).
 */
public record Page<T>(List<T> items, String nextCursor) {

	/**
	 * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that more exist.
	 */
	public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, String> position) {
		if (rowsPlusOne.size() <= limit) {
			return new Page<>(List.copyOf(rowsPlusOne), null);
		}
		List<T> items = List.copyOf(rowsPlusOne.subList(0, limit));
		return new Page<>(items, Cursor.encode(position.apply(items.get(limit - 1))));
	}
}
