package org.grassroots.defaults.web;

import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag; updates must send it back in
 * {@code If-Match}. Missing → 428, stale → 412, so no update is ever lost.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/** @return the version the client based its update on */
	public static long requireMatch(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new DomainProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required");
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
	}
}
