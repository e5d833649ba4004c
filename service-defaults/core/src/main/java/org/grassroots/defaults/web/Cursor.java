package org.grassroots.defaults.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
}
