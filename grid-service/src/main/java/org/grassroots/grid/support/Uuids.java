package org.grassroots.grid.support;

import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.web.Cursor;

/** Cursor positions made of ids. */
public final class Uuids {

	private Uuids() {
	}

	/** The id a cursor names, or {@code null} for the first page; a 400 for anything else. */
	public static UUID afterCursor(String cursor) {
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
}
