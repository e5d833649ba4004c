package org.grassroots.member.support;

import java.time.LocalDate;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.web.Cursor;

/** Decoding keyset positions from opaque cursors: anything that is not ours is a 400. */
public final class Keysets {

	private Keysets() {
	}

	/** A cursor holding the last row's id, or {@code null} for the first page. */
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

	/** A cursor holding {@code <date>|<id>}. */
	public record DateAndId(LocalDate date, UUID id) {

		public String encode() {
			return date + "|" + id;
		}
	}

	public static DateAndId afterDateAndId(String cursor) {
		String position = Cursor.decode(cursor);
		if (position == null) {
			return null;
		}
		try {
			int bar = position.indexOf('|');
			return new DateAndId(LocalDate.parse(position.substring(0, bar)), UUID.fromString(position.substring(bar + 1)));
		}
		catch (RuntimeException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
	}

	/** A cursor holding {@code <number>|<id>} (scores, ranks). */
	public record NumberAndId(java.math.BigDecimal number, UUID id) {

		public String encode() {
			return number.toPlainString() + "|" + id;
		}
	}

	public static NumberAndId afterNumberAndId(String cursor) {
		String position = Cursor.decode(cursor);
		if (position == null) {
			return null;
		}
		try {
			int bar = position.indexOf('|');
			return new NumberAndId(new java.math.BigDecimal(position.substring(0, bar)),
					UUID.fromString(position.substring(bar + 1)));
		}
		catch (RuntimeException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
	}
}
