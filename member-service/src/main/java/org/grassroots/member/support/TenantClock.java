package org.grassroots.member.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates as the districts see them. All current tenants are in China, so one zone (configurable) decides what
 * "today" and "the year 2026" mean for work logs, trainings and evaluations.
 */
@Component
public class TenantClock {

	private final ZoneId zone;

	private final Clock clock;

	public TenantClock(@Value("${grassroots.member.time-zone:Asia/Shanghai}") String zone) {
		this.zone = ZoneId.of(zone);
		this.clock = Clock.system(this.zone);
	}

	public ZoneId zone() {
		return zone;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The first instant of the year in the districts' zone. */
	public OffsetDateTime startOfYear(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
	}

	public LocalDate dateOf(OffsetDateTime instant) {
		return instant.atZoneSameInstant(zone).toLocalDate();
	}
}
