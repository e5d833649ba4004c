package org.grassroots.center.bookings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5545 details: escaping, folding at 75 octets without splitting UTF-8, CRLF. */
class ICalendarTest {

	@Test
	void escapesFoldsAndEndsLinesWithCrlf() {
		String summary = "党员教育; 学习, 交流\\讨论\n第二行" + "很长的标题".repeat(10);
		String ics = ICalendar.render("阳江 · 活动室", "Asia/Shanghai",
				List.of(new ICalendar.Event("b1@test", Instant.parse("2026-11-23T01:00:00Z"),
						Instant.parse("2026-11-23T03:00:00Z"), summary, null, "江城区党群服务中心", "CONFIRMED", null)),
				Instant.parse("2026-11-21T00:00:00Z"));
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(ics).contains("DTSTART:20261123T010000Z\r\n", "DTEND:20261123T030000Z\r\n", "STATUS:CONFIRMED");
		assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:党员教育\\; 学习\\, 交流\\\\讨论\\n第二行");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
			assertThat(line).doesNotContain("\n").doesNotContain("\r");
		}
		assertThat(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(ics);
	}
}
