package org.grassroots.center.activities;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.Fixtures;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Activities: room booking, capacity and waiting list, check-in by staff or QR token, attendance, statistics. */
class ActivityApiTest extends CenterServiceTestBase {

	static final String REGION = TENANT + "/07/001";

	static final String STAFF = person(TENANT, "community-07-001", REGION, "COMMUNITY_STAFF");

	static String activity(String center, String room, OffsetDateTime from, OffsetDateTime to, int capacity) {
		return "{\"centerId\":\"" + center + "\"" + (room == null ? "" : ",\"roomId\":\"" + room + "\"")
				+ ",\"category\":\"PARTY_EDUCATION\",\"title\":\"主题党日\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to
				+ "\",\"capacity\":" + capacity + "}";
	}

	private Response signUp(String token, String id) {
		return http.post("/api/v1/activities/" + id + "/signups").bearer(token).json("{\"participantName\":\"居民\"}")
			.send();
	}

	@Test
	void capacityWaitingListPromotionAndTheRoomBooking() {
		String center = Fixtures.createCenter(http, STAFF, "COMMUNITY", "活动中心甲", REGION, 21.82, 111.92,
				Fixtures.ALL_DAY, null);
		String room = Fixtures.createRoom(http, STAFF, center, "党员活动室", 50, false);
		OffsetDateTime from = Fixtures.atTime(2, 10, 0);
		Response created = http.post("/api/v1/activities").bearer(STAFF)
			.json(activity(center, room, from, from.plusHours(2), 2)).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat((String) created.json("$.place")).isEqualTo("活动中心甲 党员活动室");
		assertThat((String) created.json("$.bookingId")).isNotNull();
		String id = created.json("$.id");
		assertThat(http.post("/api/v1/bookings").bearer(resident("someone"))
			.json(Fixtures.booking(room, from.plusMinutes(30).toString(), from.plusHours(1).toString(), "x")).send()
			.status()).as("the activity holds the room").isEqualTo(409);
		Response clash = http.post("/api/v1/activities").bearer(STAFF)
			.json(activity(center, room, from.plusHours(1), from.plusHours(3), 5)).send();
		assertThat((String) clash.json("$.code")).isEqualTo("booking-conflict");
		assertThat(http.post("/api/v1/activities").bearer(resident("someone"))
			.json(activity(center, null, from, from.plusHours(1), 5)).send().status()).isEqualTo(403);

		assertThat((String) signUp(resident("p1"), id).json("$.status")).isEqualTo("CONFIRMED");
		assertThat((String) signUp(resident("p2"), id).json("$.status")).isEqualTo("CONFIRMED");
		Response third = signUp(resident("p3"), id);
		assertThat((String) third.json("$.status")).isEqualTo("WAITLISTED");
		assertThat((String) signUp(resident("p4"), id).json("$.status")).isEqualTo("WAITLISTED");
		assertThat((String) signUp(resident("p1"), id).json("$.code")).isEqualTo("activity-already-signed-up");
		Response counts = http.get("/api/v1/activities/" + id).bearer(resident("p1")).send();
		assertThat((Integer) counts.json("$.confirmedCount")).isEqualTo(2);
		assertThat((Integer) counts.json("$.waitlistCount")).isEqualTo(2);

		String p1Signup = http.get("/api/v1/activities/" + id + "/signups").bearer(resident("p1")).send()
			.json("$[0].id");
		assertThat(http.post("/api/v1/activities/" + id + "/signups/" + p1Signup + "/cancel").bearer(resident("p2"))
			.send().status()).as("not yours").isEqualTo(404);
		Response cancelled = http.post("/api/v1/activities/" + id + "/signups/" + p1Signup + "/cancel")
			.bearer(resident("p1")).send();
		assertThat((String) cancelled.json("$.status")).isEqualTo("CANCELLED");
		assertThat((String) http.get("/api/v1/activities/" + id + "/signups").bearer(resident("p3")).send()
			.json("$[0].status")).as("first in line promoted").isEqualTo("CONFIRMED");
		assertThat((String) http.get("/api/v1/activities/" + id + "/signups").bearer(resident("p4")).send()
			.json("$[0].status")).isEqualTo("WAITLISTED");

		Response bigger = http.patch("/api/v1/activities/" + id).bearer(STAFF).header("If-Match", created.header("ETag"))
			.json("{\"capacity\":3}").send();
		assertThat(bigger.status()).as(bigger.body()).isEqualTo(200);
		assertThat((Integer) bigger.json("$.confirmedCount")).isEqualTo(3);
		assertThat((Integer) bigger.json("$.waitlistCount")).isZero();
		Response smaller = http.patch("/api/v1/activities/" + id).bearer(STAFF).header("If-Match", bigger.header("ETag"))
			.json("{\"capacity\":1}").send();
		assertThat((String) smaller.json("$.code")).isEqualTo("activity-capacity-below-confirmed");
		assertThat((List<String>) http.get("/api/v1/activities/" + id + "/signups").bearer(STAFF).send()
			.json("$[*].status")).containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED");

		Response cancelledActivity = http.post("/api/v1/activities/" + id + "/cancel").bearer(STAFF)
			.json("{\"reason\":\"台风\"}").send();
		assertThat((String) cancelledActivity.json("$.status")).isEqualTo("CANCELLED");
		assertThat(http.post("/api/v1/bookings").bearer(resident("someone"))
			.json(Fixtures.booking(room, from.plusMinutes(30).toString(), from.plusHours(1).toString(), "x")).send()
			.status()).as("the room is free again").isEqualTo(201);
		assertThat((String) signUp(resident("p5"), id).json("$.code")).isEqualTo("activity-cancelled");

		List<String> upcoming = http.get("/api/v1/public/" + TENANT + "/centers/" + center + "/activities")
			.bearer(publicToken(TENANT)).send().json("$.items[*].id");
		assertThat(upcoming).doesNotContain(id);
	}

	@Test
	void checkInByQrTokenOrStaffAttendanceAndMonthlyStatistics() {
		String center = Fixtures.createCenter(http, STAFF, "COMMUNITY", "活动中心乙", REGION, 21.821, 111.921,
				Fixtures.ALL_DAY, null);
		OffsetDateTime from = OffsetDateTime.now().plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
		Response created = http.post("/api/v1/activities").bearer(STAFF)
			.json(activity(center, null, from, from.plusHours(2), 2)).send();
		String id = created.json("$.id");
		String base = "/api/v1/activities/" + id;
		signUp(resident("q1"), id);
		String q2 = signUp(resident("q2"), id).json("$.id");
		String q3 = signUp(resident("q3"), id).json("$.id");

		assertThat(http.post(base + "/check-in").bearer(resident("q1")).json("{\"token\":\"guess\"}").send().status())
			.as("no code issued yet").isEqualTo(403);
		assertThat(http.post(base + "/check-in-code").bearer(resident("q1")).send().status()).isEqualTo(403);
		Response code = http.post(base + "/check-in-code").bearer(STAFF).send();
		assertThat(code.status()).isEqualTo(200);
		String token = code.json("$.token");
		assertThat((String) code.json("$.qrPayload")).endsWith(":" + id + ":" + token);
		assertThat(http.post(base + "/check-in").bearer(resident("q1")).json("{\"token\":\"wrong\"}").send().status())
			.isEqualTo(403);
		Response qr = http.post(base + "/check-in").bearer(resident("q1")).json("{\"token\":\"" + token + "\"}").send();
		assertThat(qr.status()).as(qr.body()).isEqualTo(200);
		assertThat((String) qr.json("$.checkInMethod")).isEqualTo("QR");
		assertThat(http.post(base + "/check-in").bearer(resident("q1")).json("{\"token\":\"" + token + "\"}").send()
			.status()).as("checking in twice is harmless").isEqualTo(200);
		assertThat(http.post(base + "/check-in").bearer(resident("stranger")).json("{\"token\":\"" + token + "\"}")
			.send().status()).isEqualTo(404);
		Response waiting = http.post(base + "/signups/" + q3 + "/check-in").bearer(STAFF).send();
		assertThat((String) waiting.json("$.code")).isEqualTo("checkin-not-confirmed");
		Response staff = http.post(base + "/signups/" + q2 + "/check-in").bearer(STAFF).send();
		assertThat((String) staff.json("$.checkInMethod")).isEqualTo("STAFF");
		assertThat((String) staff.json("$.checkedInBy")).isEqualTo("community-07-001");
		Response cannotCancel = http.post(base + "/signups/" + q2 + "/cancel").bearer(resident("q2")).send();
		assertThat((String) cannotCancel.json("$.code")).isEqualTo("signup-not-cancellable");

		Response attendance = http.get(base + "/attendance").bearer(STAFF).send();
		assertThat((Integer) attendance.json("$.checkedIn")).isEqualTo(2);
		assertThat((Integer) attendance.json("$.confirmed")).isEqualTo(2);
		assertThat((Integer) attendance.json("$.waitlisted")).isEqualTo(1);
		assertThat((Double) attendance.json("$.attendanceRate")).isEqualTo(1.0);
		assertThat(http.get(base + "/attendance").bearer(COMMUNITY).send().status()).isEqualTo(404);

		YearMonth month = YearMonth.from(from.atZoneSameInstant(Fixtures.SHANGHAI));
		Response byCenter = http.get("/api/v1/activities/statistics?month=" + month + "&region=" + REGION).bearer(STAFF)
			.send();
		assertThat(byCenter.status()).as(byCenter.body()).isEqualTo(200);
		List<String> keys = byCenter.json("$.rows[*].key");
		int row = keys.indexOf(center);
		assertThat(row).isNotNegative();
		assertThat((Integer) byCenter.json("$.rows[" + row + "].activities")).isEqualTo(1);
		assertThat((Integer) byCenter.json("$.rows[" + row + "].signups")).isEqualTo(3);
		assertThat((Integer) byCenter.json("$.rows[" + row + "].attended")).isEqualTo(2);
		assertThat((String) byCenter.json("$.rows[" + row + "].name")).isEqualTo("活动中心乙");
		Response byStreet = http.get("/api/v1/activities/statistics?month=" + month + "&by=street").bearer(ADMIN)
			.send();
		assertThat((List<String>) byStreet.json("$.rows[*].key")).contains(TENANT + "/07");
		assertThat(http.get("/api/v1/activities/statistics?month=2026-13").bearer(ADMIN).send().status()).isEqualTo(400);
		assertThat(http.get("/api/v1/activities/statistics?month=" + month + "&by=planet").bearer(ADMIN).send()
			.status()).isEqualTo(400);
	}
}
