package org.grassroots.member.audit;

import java.time.OffsetDateTime;

import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.web.Cursor;

/** Where an audit page ended: the last row's time and id (rows are newest first, then by id). */
record AuditPosition(OffsetDateTime time, String id) {

	static AuditPosition of(PersonalDataAudit.Access access) {
		return new AuditPosition(access.accessedAt(), access.id().toString());
	}

	String encode() {
		return time + "|" + id;
	}

	/** Whether the row comes after this position in the listing order (accessed_at desc, id asc). */
	boolean isBefore(PersonalDataAudit.Access row) {
		int byTime = row.accessedAt().toInstant().compareTo(time.toInstant());
		if (byTime != 0) {
			return byTime < 0;
		}
		return row.id().toString().compareTo(id) > 0;
	}

	static AuditPosition decode(String cursor) {
		String position = Cursor.decode(cursor);
		if (position == null) {
			return null;
		}
		try {
			int bar = position.indexOf('|');
			String id = position.substring(bar + 1);
			java.util.UUID.fromString(id);
			return new AuditPosition(OffsetDateTime.parse(position.substring(0, bar)), id);
		}
		catch (RuntimeException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
	}
}
