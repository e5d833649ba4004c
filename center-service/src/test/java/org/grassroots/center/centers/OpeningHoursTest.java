package org.grassroots.center.centers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.center.centers.OpeningHours.DateHours;
import org.grassroots.center.centers.OpeningHours.ExtendedHours;
import org.grassroots.center.centers.OpeningHours.Mode;
import org.grassroots.center.centers.OpeningHours.TimeRange;
import org.grassroots.defaults.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening hours: validation and "open at" arithmetic, without Spring. */
class OpeningHoursTest {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);

	static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);

	static OpeningHours weekdays(List<ExtendedHours> extended, List<DateHours> holidays, boolean appointments) {
		List<TimeRange> day = List.of(new TimeRange("09:00", "12:00"), new TimeRange("14:00", "17:30"));
		Map<DayOfWeek, List<TimeRange>> weekly = Map.of(DayOfWeek.MONDAY, day, DayOfWeek.TUESDAY, day,
				DayOfWeek.WEDNESDAY, day, DayOfWeek.THURSDAY, day, DayOfWeek.FRIDAY, day);
		return new OpeningHours(Mode.WEEKLY, weekly, null, extended, holidays, appointments, null);
	}

	@Test
	void weeklyHoursWithEveningExtensionAndHolidayCalendar() {
		CompiledHours hours = weekdays(
				List.of(new ExtendedHours(Set.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), "18:30", "21:00")),
				List.of(new DateHours(NATIONAL_DAY, "国庆", true, null),
						new DateHours(LocalDate.of(2026, 10, 8), "调休", null, List.of(new TimeRange("10:00", "16:00")))),
				false)
			.compile("openingHours");
		assertThat(hours.isOpen(MONDAY, 9 * 60)).isTrue();
		assertThat(hours.isOpen(MONDAY, 12 * 60)).as("closes at 12:00, exclusive").isFalse();
		assertThat(hours.isOpen(MONDAY, 13 * 60)).isFalse();
		assertThat(hours.isOpen(MONDAY, 19 * 60)).as("evening hours").isTrue();
		assertThat(hours.isOpen(MONDAY.plusDays(1), 19 * 60)).as("no evening on Tuesday").isFalse();
		assertThat(hours.isOpen(SATURDAY, 10 * 60)).isFalse();
		assertThat(hours.isOpen(SATURDAY, 20 * 60)).as("Saturday evening only").isTrue();
		assertThat(hours.isOpen(NATIONAL_DAY, 10 * 60)).as("holiday closed (a Thursday)").isFalse();
		assertThat(hours.isOpen(LocalDate.of(2026, 10, 8), 15 * 60)).isTrue();
		assertThat(hours.isOpen(LocalDate.of(2026, 10, 8), 16 * 60 + 30)).as("special hours replace the day").isFalse();
		assertThat(hours.covers(MONDAY, 9 * 60, 11 * 60)).isTrue();
		assertThat(hours.covers(MONDAY, 11 * 60, 15 * 60)).as("spans the lunch break").isFalse();
		assertThat(hours.appointments()).isFalse();
		assertThat(hours.hoursOn(MONDAY)).extracting(TimeRange::opens).containsExactly("09:00", "14:00", "18:30");
	}

	@Test
	void allYearModeIsOpenEveryDayAndNeverClosesOnHolidays() {
		OpeningHours open365 = new OpeningHours(Mode.ALL_YEAR, null, List.of(new TimeRange("00:00", "24:00")), null,
				null, null, "365天不打烊");
		CompiledHours hours = open365.compile("openingHours");
		assertThat(hours.isOpen(NATIONAL_DAY, 3 * 60)).isTrue();
		assertThat(hours.isOpen(SATURDAY, 23 * 60 + 59)).isTrue();
		assertThat(hours.covers(SATURDAY, 22 * 60, 24 * 60)).isTrue();

		OpeningHours closing = new OpeningHours(Mode.ALL_YEAR, null, List.of(new TimeRange("08:00", "20:00")), null,
				List.of(new DateHours(NATIONAL_DAY, null, true, null)), null, null);
		assertThatThrownBy(() -> closing.compile("openingHours")).isInstanceOfSatisfying(DomainProblem.class,
				p -> assertThat(p.fieldProblems().get(0).messageCode()).isEqualTo("hours-all-year-never-closes"));
	}

	@Test
	void appointmentOnlyHasNoHoursButTakesAppointments() {
		CompiledHours hours = new OpeningHours(Mode.APPOINTMENT_ONLY, null, null, null, null, null, "电话预约")
			.compile("openingHours");
		assertThat(hours.isOpen(MONDAY, 10 * 60)).isFalse();
		assertThat(hours.appointments()).isTrue();
	}

	@Test
	void rejectsInconsistentHoursNamingTheField() {
		assertField(new OpeningHours(Mode.WEEKLY, Map.of(DayOfWeek.MONDAY, List.of(new TimeRange("17:00", "09:00"))),
				null, null, null, null, null), "openingHours.weekly.MONDAY[0]", "hours-range");
		assertField(new OpeningHours(Mode.WEEKLY, Map.of(DayOfWeek.MONDAY, List.of(new TimeRange("9:00", "12:00"))),
				null, null, null, null, null), "openingHours.weekly.MONDAY[0].opens", "hours-time");
		assertField(new OpeningHours(Mode.WEEKLY, Map.of(DayOfWeek.MONDAY, List.of(new TimeRange("24:00", "24:00"))),
				null, null, null, null, null), "openingHours.weekly.MONDAY[0].opens", "hours-time");
		assertField(new OpeningHours(Mode.WEEKLY,
				Map.of(DayOfWeek.MONDAY, List.of(new TimeRange("09:00", "12:00"), new TimeRange("11:00", "13:00"))), null,
				null, null, null, null), "openingHours.weekly.MONDAY", "hours-overlap");
		assertField(new OpeningHours(Mode.ALL_YEAR, null, null, null, null, null, null), "openingHours.daily",
				"hours-all-year-needs-daily");
		assertField(new OpeningHours(Mode.WEEKLY, Map.of(), null, null,
				List.of(new DateHours(MONDAY, null, true, null), new DateHours(MONDAY, null, true, null)), null, null),
				"openingHours.holidays[1].date", "hours-duplicate-date");
		assertField(new OpeningHours(Mode.WEEKLY, Map.of(), null, null,
				List.of(new DateHours(MONDAY, null, null, null)), null, null), "openingHours.holidays[0]",
				"hours-holiday-closed-or-hours");
		assertField(new OpeningHours(Mode.APPOINTMENT_ONLY, null, List.of(new TimeRange("09:00", "10:00")), null, null,
				null, null), "openingHours", "hours-appointment-only");
	}

	private static void assertField(OpeningHours hours, String field, String code) {
		assertThatThrownBy(() -> hours.compile("openingHours")).isInstanceOfSatisfying(DomainProblem.class, p -> {
			assertThat(p.fieldProblems()).hasSize(1);
			assertThat(p.fieldProblems().get(0).field()).isEqualTo(field);
			assertThat(p.fieldProblems().get(0).messageCode()).isEqualTo(code);
		});
	}
}
