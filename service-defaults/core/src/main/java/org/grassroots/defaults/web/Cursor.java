package org.grassroots.defaults.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;

import org.grassroots.defaults.problem.DomainProblem;

/**
 * Opaque cursors for keyset pagination: the last row's sort key, base64url-encoded. Clients pass back what they
 * got; anything else is a 400.
 */
public final class Cursor {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	private Cursor() {
	}

	public static String encode(String position) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	/** @return the decoded position, or {@code null} for the first page */
	public static String decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
	}

	/** The page size: default when absent, 400 when outside 1..{@value #MAX_LIMIT}. */
	public static int limit(Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw DomainProblem.invalidField("limit", "limit-range", MAX_LIMIT);
		}
		return requested;
	}

	/** A cursor holding the last row's id, or {@code null} for the first page; anything else is a 400. */
	public static UUID afterId(String cursor) {
		String position = decode(cursor);
		if (position == null) {
			return null;
		}
		try {
			return UUID.fromString(position);
		}
		catch (IllegalArgumentException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
	}

	/**
	 * A cursor holding the last row's sort value and id ({@link Keyset#encode}), or {@code null} for the first
	 * page; anything else is a 400.
	 * @param value parses the sort value, e.g. {@code OffsetDateTime::parse}
	 */
	public static <T> Keyset<T> after(String cursor, Function<String, T> value) {
		String position = decode(cursor);
		if (position == null) {
			return null;
		}
		int bar = position.lastIndexOf('|');
		try {
			return new Keyset<>(value.apply(position.substring(0, bar)), UUID.fromString(position.substring(bar + 1)));
		}
		catch (RuntimeException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
	}

	/** A keyset position: the last row's sort value (a time, a date, a score) and its id as tie-breaker. */
	public record Keyset<T>(T value, UUID id) {

		/** {@code value|id}, for {@link Page#of}'s position function. */
		public String encode() {
			return (value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value)) + "|" + id;
		}

	}

}
