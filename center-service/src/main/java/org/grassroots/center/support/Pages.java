package org.grassroots.center.support;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.web.Cursor;

/** Decoding the keyset positions this service puts into cursors. */
public final class Pages {

	private Pages() {
	}

	/** A cursor holding a row id, or {@code null} for the first page. */
	public static UUID afterId(String cursor) {
		String position = Cursor.decode(cursor);
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

	/** A position {@code time|id}. */
	public record TimeAndId(OffsetDateTime time, UUID id) {

		public String encode() {
			return time + "|" + id;
		}
	}

	public static TimeAndId afterTimeAndId(String cursor) {
		String position = Cursor.decode(cursor);
		if (position == null) {
			return null;
		}
		int bar = position.indexOf('|');
		try {
			return new TimeAndId(OffsetDateTime.parse(position.substring(0, bar)),
					UUID.fromString(position.substring(bar + 1)));
		}
		catch (IndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
	}
}
