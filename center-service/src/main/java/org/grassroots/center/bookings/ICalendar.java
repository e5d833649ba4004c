package org.grassroots.center.bookings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A minimal RFC 5545 writer for room feeds: one VCALENDAR of VEVENTs in UTC, TEXT values escaped, content lines
 * folded at 75 octets without splitting a UTF-8 character, CRLF line ends.
 */
final class ICalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** One event; {@code status} is CONFIRMED or TENTATIVE. */
	record Event(String uid, Instant start, Instant end, String summary, String description, String location,
			String status, Instant lastModified) {
	}

	private ICalendar() {
	}

	static String render(String calendarName, String timeZone, List<Event> events, Instant stamp) {
		StringBuilder out = new StringBuilder(256 + events.size() * 256);
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Grassroots//center-service//ZH");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(calendarName));
		line(out, "X-WR-TIMEZONE:" + timeZone);
		for (Event event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + event.uid());
			line(out, "DTSTAMP:" + UTC.format(stamp));
			line(out, "DTSTART:" + UTC.format(event.start()));
			line(out, "DTEND:" + UTC.format(event.end()));
			line(out, "SUMMARY:" + text(event.summary()));
			if (event.description() != null) {
				line(out, "DESCRIPTION:" + text(event.description()));
			}
			if (event.location() != null) {
				line(out, "LOCATION:" + text(event.location()));
			}
			line(out, "STATUS:" + event.status());
			line(out, "TRANSP:OPAQUE");
			if (event.lastModified() != null) {
				line(out, "LAST-MODIFIED:" + UTC.format(event.lastModified()));
			}
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** Escapes a TEXT value (RFC 5545 3.3.11). */
	static String text(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ';' -> out.append("\\;");
				case ',' -> out.append("\\,");
				case '\n' -> out.append("\\n");
				case '\r' -> {
				}
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** Appends a content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length(); i++) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			if (Character.isSupplementaryCodePoint(cp)) {
				i++;
			}
		}
		out.append("\r\n");
	}
}
