package org.grassroots.center.centers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.grassroots.defaults.problem.DomainProblem;

/**
 * When a center serves people.
 *
 * <ul>
 * <li>{@code WEEKLY}: {@code weekly} gives the hours of each day of the week (a missing day is closed);</li>
 * <li>{@code ALL_YEAR} (365天不打烊): {@code daily} hours apply on every day of the year, holidays included;</li>
 * <li>{@code APPOINTMENT_ONLY}: no regular hours, service by appointment.</li>
 * </ul>
 * {@code extended} adds extended evening or weekend hours (错时服务) on given days; {@code holidays} is the holiday
 * calendar: a date is either closed or has special hours that replace the day's regular and extended hours (a
 * 365-day center may have special hours but never closes). {@code byAppointment} says that outside these hours
 * people may still be served by appointment (rooms can be requested then, subject to approval).
 */
public record OpeningHours(@NotNull Mode mode, Map<DayOfWeek, List<@Valid TimeRange>> weekly,
		@Size(max = 4) List<@Valid TimeRange> daily, @Size(max = 14) List<@Valid ExtendedHours> extended,
		@Size(max = 400) List<@Valid DateHours> holidays, Boolean byAppointment, @Size(max = 200) String note) {

	public enum Mode {
		WEEKLY, ALL_YEAR, APPOINTMENT_ONLY
	}

	/** Opening times of one span, {@code HH:mm}; {@code closes} may be {@code 24:00}. */
	public record TimeRange(@NotNull String opens, @NotNull String closes) {
	}

	/** Extended hours (e.g. evenings 18:30–21:00 on weekdays). */
	public record ExtendedHours(@NotNull @Size(min = 1, max = 7) Set<DayOfWeek> days, @NotNull String opens,
			@NotNull String closes) {
	}

	/** An entry of the holiday calendar: closed, or special hours for that date. */
	public record DateHours(@NotNull LocalDate date, @Size(max = 50) String name, Boolean closed,
			@Size(max = 4) List<@Valid TimeRange> hours) {
	}

	public boolean appointments() {
		return Boolean.TRUE.equals(byAppointment) || mode == Mode.APPOINTMENT_ONLY;
	}

	/**
	 * A 400 naming the first wrong field unless the hours are consistent: valid times, spans that open before they
	 * close and do not overlap, the fields that belong to the mode, unique holiday dates.
	 */
	public CompiledHours compile(String field) {
		Map<DayOfWeek, List<TimeRange>> week = weekly == null ? Map.of() : weekly;
		List<TimeRange> every = daily == null ? List.of() : daily;
		switch (mode) {
			case WEEKLY -> {
				if (!every.isEmpty()) {
					throw DomainProblem.invalidField(field + ".daily", "hours-daily-needs-all-year");
				}
			}
			case ALL_YEAR -> {
				if (every.isEmpty()) {
					throw DomainProblem.invalidField(field + ".daily", "hours-all-year-needs-daily");
				}
				if (!week.isEmpty()) {
					throw DomainProblem.invalidField(field + ".weekly", "hours-weekly-needs-weekly-mode");
				}
			}
			case APPOINTMENT_ONLY -> {
				if (!every.isEmpty() || !week.isEmpty() || (extended != null && !extended.isEmpty())) {
					throw DomainProblem.invalidField(field, "hours-appointment-only");
				}
			}
		}
		int[][][] days = new int[7][][];
		for (DayOfWeek day : DayOfWeek.values()) {
			List<int[]> spans = new java.util.ArrayList<>();
			List<TimeRange> base = mode == Mode.ALL_YEAR ? every : week.getOrDefault(day, List.of());
			String baseField = mode == Mode.ALL_YEAR ? field + ".daily" : field + ".weekly." + day;
			addAll(spans, base, baseField);
			if (extended != null) {
				for (int i = 0; i < extended.size(); i++) {
					ExtendedHours ext = extended.get(i);
					if (ext.days().contains(day)) {
						spans.add(span(ext.opens(), ext.closes(), field + ".extended[" + i + "]"));
					}
				}
			}
			days[day.getValue() - 1] = CompiledHours.merge(spans);
		}
		Map<LocalDate, int[][]> exceptions = new java.util.HashMap<>();
		if (holidays != null) {
			Set<LocalDate> seen = new HashSet<>();
			for (int i = 0; i < holidays.size(); i++) {
				DateHours entry = holidays.get(i);
				String entryField = field + ".holidays[" + i + "]";
				if (!seen.add(entry.date())) {
					throw DomainProblem.invalidField(entryField + ".date", "hours-duplicate-date");
				}
				boolean closed = Boolean.TRUE.equals(entry.closed());
				boolean special = entry.hours() != null && !entry.hours().isEmpty();
				if (closed == special) {
					throw DomainProblem.invalidField(entryField, "hours-holiday-closed-or-hours");
				}
				if (closed && mode == Mode.ALL_YEAR) {
					throw DomainProblem.invalidField(entryField + ".closed", "hours-all-year-never-closes");
				}
				List<int[]> spans = new java.util.ArrayList<>();
				if (special) {
					addAll(spans, entry.hours(), entryField + ".hours");
				}
				exceptions.put(entry.date(), CompiledHours.merge(spans));
			}
		}
		return new CompiledHours(days, exceptions, appointments());
	}

	private static void addAll(List<int[]> spans, List<TimeRange> ranges, String field) {
		for (int i = 0; i < ranges.size(); i++) {
			TimeRange range = ranges.get(i);
			if (range == null) {
				throw DomainProblem.invalidField(field + "[" + i + "]", "hours-range");
			}
			spans.add(span(range.opens(), range.closes(), field + "[" + i + "]"));
		}
		// spans of one list must not overlap (extended hours may touch or overlap regular ones: they are merged)
		List<int[]> own = new java.util.ArrayList<>(spans.subList(spans.size() - ranges.size(), spans.size()));
		own.sort((a, b) -> Integer.compare(a[0], b[0]));
		for (int i = 1; i < own.size(); i++) {
			if (own.get(i)[0] < own.get(i - 1)[1]) {
				throw DomainProblem.invalidField(field, "hours-overlap");
			}
		}
	}

	private static int[] span(String opens, String closes, String field) {
		int from = minutes(opens, false, field + ".opens");
		int to = minutes(closes, true, field + ".closes");
		if (from >= to) {
			throw DomainProblem.invalidField(field, "hours-range");
		}
		return new int[] { from, to };
	}

	/** Minutes since midnight of {@code HH:mm}; {@code 24:00} only as a closing time. */
	static int minutes(String time, boolean closing, String field) {
		if (time == null || !time.matches("\\d{2}:\\d{2}")) {
			throw DomainProblem.invalidField(field, "hours-time");
		}
		int h = Integer.parseInt(time.substring(0, 2));
		int m = Integer.parseInt(time.substring(3));
		if (m > 59 || h > 24 || (h == 24 && (m != 0 || !closing))) {
			throw DomainProblem.invalidField(field, "hours-time");
		}
		return h * 60 + m;
	}
}
