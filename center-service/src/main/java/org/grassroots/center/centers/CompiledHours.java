package org.grassroots.center.centers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opening hours reduced to merged minute spans per weekday and per exceptional date, for fast "open now" checks
 * (the public map evaluates it for every candidate station).
 */
public final class CompiledHours {

	/** Closed every day, no appointments. */
	public static final CompiledHours CLOSED = new CompiledHours(new int[7][0][], Map.of(), false);

	private final int[][][] days;

	private final Map<LocalDate, int[][]> exceptions;

	private final boolean appointments;

	CompiledHours(int[][][] days, Map<LocalDate, int[][]> exceptions, boolean appointments) {
		this.days = days;
		this.exceptions = Map.copyOf(exceptions);
		this.appointments = appointments;
	}

	/** The merged spans ({@code [from, to)} in minutes) that apply on a date. */
	public int[][] spansOn(LocalDate date) {
		int[][] exception = exceptions.get(date);
		if (exception != null) {
			return exception;
		}
		return days[date.getDayOfWeek().getValue() - 1];
	}

	public boolean isOpen(LocalDate date, int minuteOfDay) {
		for (int[] span : spansOn(date)) {
			if (minuteOfDay >= span[0] && minuteOfDay < span[1]) {
				return true;
			}
		}
		return false;
	}

	public boolean isOpen(ZonedDateTime localTime) {
		return isOpen(localTime.toLocalDate(), localTime.getHour() * 60 + localTime.getMinute());
	}

	/** Whether {@code [fromMinute, toMinute)} of one date lies inside one opening span. */
	public boolean covers(LocalDate date, int fromMinute, int toMinute) {
		for (int[] span : spansOn(date)) {
			if (fromMinute >= span[0] && toMinute <= span[1]) {
				return true;
			}
		}
		return false;
	}

	public boolean appointments() {
		return appointments;
	}

	/** The spans of a date as {@code HH:mm} ranges, for display. */
	public List<OpeningHours.TimeRange> hoursOn(LocalDate date) {
		List<OpeningHours.TimeRange> out = new ArrayList<>();
		for (int[] span : spansOn(date)) {
			out.add(new OpeningHours.TimeRange(format(span[0]), format(span[1])));
		}
		return out;
	}

	/** Spans of one weekday without exceptions (used by tests and the docs). */
	int[][] weekday(DayOfWeek day) {
		return days[day.getValue() - 1];
	}

	static int[][] merge(List<int[]> spans) {
		if (spans.isEmpty()) {
			return new int[0][];
		}
		List<int[]> sorted = new ArrayList<>(spans);
		sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
		List<int[]> merged = new ArrayList<>();
		int[] current = sorted.get(0).clone();
		for (int i = 1; i < sorted.size(); i++) {
			int[] next = sorted.get(i);
			if (next[0] <= current[1]) {
				current[1] = Math.max(current[1], next[1]);
			}
			else {
				merged.add(current);
				current = next.clone();
			}
		}
		merged.add(current);
		return merged.toArray(new int[0][]);
	}

	private static String format(int minutes) {
		return String.format("%02d:%02d", minutes / 60, minutes % 60);
	}
}
