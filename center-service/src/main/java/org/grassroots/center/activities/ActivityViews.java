package org.grassroots.center.activities;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Response bodies of activities beyond the activity itself. */
public final class ActivityViews {

	private ActivityViews() {
	}

	/** A fresh QR check-in token: shown once, as the QR code's payload. */
	public record CheckInCode(UUID activityId, String token, String qrPayload, OffsetDateTime validFrom,
			OffsetDateTime validUntil) {
	}

	/** Who came. */
	public record Attendance(UUID activityId, int capacity, int confirmed, int waitlisted, int checkedIn,
			double attendanceRate, List<Signup> signups) {
	}

	/** Statistics of one center or street in a month. */
	public record StatisticsRow(String key, String name, int activities, int signups, int attended,
			double attendanceRate) {
	}

	public record MonthlyStatistics(YearMonth month, String groupedBy, List<StatisticsRow> rows,
			StatisticsRow total) {
	}
}
