package org.grassroots.center.bookings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.Fixtures;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room bookings: rules, approval, cancellation, the iCalendar feed, and no double booking, decided by the
 * database's exclusion constraint even when many requests race for one slot.
 */
class BookingApiTest extends CenterServiceTestBase {

	static final String REGION = TENANT + "/04/001";

	static final String STAFF = person(TENANT, "community-04-001", REGION, "COMMUNITY_STAFF");

	private String room(String hours, boolean approval) {
		String center = Fixtures.createCenter(http, STAFF, "COMMUNITY", "预约测试中心", REGION, 21.83, 111.93, hours,
				null);
		return Fixtures.createRoom(http, STAFF, center, "多功能活动室", 40, approval);
	}

	private Response book(String token, String roomId, String from, String to) {
		return http.post("/api/v1/bookings").bearer(token).json(Fixtures.booking(roomId, from, to, "居民议事会")).send();
	}

	@Test
	void overlappingBookingsAreRefusedAndACancelledSlotIsFreeAgain() {
		String room = room(Fixtures.ALL_DAY, false);
		String alice = resident("alice");
		Response first = book(alice, room, Fixtures.at(2, 10, 0), Fixtures.at(2, 12, 0));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat((String) first.json("$.status")).isEqualTo("CONFIRMED");
		assertThat((String) first.json("$.bookerType")).isEqualTo("RESIDENT");

		Response overlap = book(resident("bob"), room, Fixtures.at(2, 11, 30), Fixtures.at(2, 13, 0));
		assertThat(overlap.status()).isEqualTo(409);
		assertThat((String) overlap.json("$.code")).isEqualTo("booking-conflict");
		Response touching = book(resident("bob"), room, Fixtures.at(2, 12, 0), Fixtures.at(2, 13, 0));
		assertThat(touching.status()).as("[10:00, 12:00) and [12:00, 13:00) do not overlap").isEqualTo(201);

		String id = first.json("$.id");
		assertThat(http.post("/api/v1/bookings/" + id + "/cancel").bearer(resident("bob")).json("{}").send().status())
			.as("someone else's booking").isEqualTo(404);
		Response cancelled = http.post("/api/v1/bookings/" + id + "/cancel").bearer(alice)
			.json("{\"note\":\"改期\"}").send();
		assertThat((String) cancelled.json("$.status")).isEqualTo("CANCELLED");
		assertThat(http.post("/api/v1/bookings/" + id + "/cancel").bearer(alice).json("{}").send().status())
			.isEqualTo(409);
		assertThat(book(resident("bob"), room, Fixtures.at(2, 11, 30), Fixtures.at(2, 12, 0)).status()).isEqualTo(201);

		List<String> mine = http.get("/api/v1/bookings").bearer(alice).send().json("$.items[*].id");
		assertThat(mine).contains(id);
		List<String> roomList = http.get("/api/v1/bookings?roomId=" + room + "&from=" + enc(Fixtures.at(0, 0, 0)))
			.bearer(STAFF).send().json("$.items[*].status");
		assertThat(roomList).containsExactly("CANCELLED", "CONFIRMED", "CONFIRMED");
		assertThat(http.get("/api/v1/bookings?roomId=" + room).bearer(alice).send().status()).isEqualTo(404);
	}

	@Test
	void hundredConcurrentAttemptsAtOneSlotGiveExactlyOneBooking() throws Exception {
		String room = room(Fixtures.ALL_DAY, false);
		String from = Fixtures.at(3, 9, 0);
		String to = Fixtures.at(3, 10, 0);
		int attempts = 100;
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				String token = resident("racer-" + i);
				calls.add(() -> {
					start.await();
					return http.post("/api/v1/bookings").bearer(token).timeout(Duration.ofSeconds(60))
						.json(Fixtures.booking(room, from, to, "抢订")).send();
				});
			}
			List<Future<Response>> futures = new ArrayList<>();
			for (Callable<Response> call : calls) {
				futures.add(pool.submit(call));
			}
			start.countDown();
			int created = 0;
			int conflicts = 0;
			int busy = 0;
			for (Future<Response> f : futures) {
				Response r = f.get();
				if (r.status() == 201) {
					created++;
				}
				else if (r.status() == 503) {
					// a request that waited longer than the connection pool allows on a busy machine: nothing written
					assertThat((String) r.json("$.code")).isEqualTo("service-busy");
					busy++;
				}
				else {
					assertThat(r.status()).as(r.body()).isEqualTo(409);
					assertThat((String) r.json("$.code")).isEqualTo("booking-conflict");
					conflicts++;
				}
			}
			assertThat(created).isEqualTo(1);
			assertThat(conflicts + busy).isEqualTo(attempts - 1);
			assertThat(conflicts).isPositive();
		}
		finally {
			pool.shutdownNow();
		}
		List<String> held = http.get("/api/v1/bookings?roomId=" + room + "&from=" + enc(Fixtures.at(3, 0, 0)) + "&to="
				+ enc(Fixtures.at(4, 0, 0))).bearer(STAFF).send().json("$.items[*].status");
		assertThat(held).containsExactly("CONFIRMED");
	}

	@Test
	void openingHoursAppointmentsAndApproval() {
		String office = room(Fixtures.OFFICE, false);
		Response night = book(resident("carol"), office, Fixtures.at(2, 20, 0), Fixtures.at(2, 21, 0));
		assertThat(night.status()).isEqualTo(409);
		assertThat((String) night.json("$.code")).isEqualTo("booking-outside-hours");
		Response staffNight = book(STAFF, office, Fixtures.at(2, 20, 0), Fixtures.at(2, 21, 0));
		assertThat(staffNight.status()).as("staff open the center when they need to").isEqualTo(201);
		assertThat((String) staffNight.json("$.bookerType")).isEqualTo("STAFF");

		String appointments = room(Fixtures.OFFICE_APPOINTMENTS, false);
		Response byAppointment = book(resident("carol"), appointments, Fixtures.at(2, 19, 0), Fixtures.at(2, 20, 0));
		assertThat(byAppointment.status()).isEqualTo(201);
		assertThat((String) byAppointment.json("$.status")).isEqualTo("PENDING");
		Response inHours = book(resident("carol"), appointments, Fixtures.at(2, 10, 0), Fixtures.at(2, 11, 0));
		assertThat((String) inHours.json("$.status")).isEqualTo("CONFIRMED");
		Response heldByPending = book(resident("dave"), appointments, Fixtures.at(2, 19, 30), Fixtures.at(2, 20, 30));
		assertThat(heldByPending.status()).as("a pending booking holds its slot").isEqualTo(409);

		String approvalRoom = room(Fixtures.ALL_DAY, true);
		Response pending = http.post("/api/v1/bookings").bearer(resident("erin"))
			.json("{\"roomId\":\"" + approvalRoom + "\",\"startsAt\":\"" + Fixtures.at(5, 14, 0) + "\",\"endsAt\":\""
					+ Fixtures.at(5, 16, 0) + "\",\"purpose\":\"合唱排练\",\"bookerType\":\"ORGANIZATION\","
					+ "\"organizationName\":\"夕阳红合唱团\",\"attendees\":30}")
			.send();
		assertThat((String) pending.json("$.status")).isEqualTo("PENDING");
		String id = pending.json("$.id");
		assertThat(http.post("/api/v1/bookings/" + id + "/approve").bearer(resident("erin")).send().status())
			.isEqualTo(403);
		assertThat(http.post("/api/v1/bookings/" + id + "/approve").bearer(COMMUNITY).send().status())
			.as("staff of another community: not found").isEqualTo(404);
		Response approved = http.post("/api/v1/bookings/" + id + "/approve").bearer(STAFF).json("{\"note\":\"同意\"}")
			.send();
		assertThat((String) approved.json("$.status")).isEqualTo("CONFIRMED");
		assertThat((String) approved.json("$.decidedBy")).isEqualTo("community-04-001");
		Response again = http.post("/api/v1/bookings/" + id + "/reject").bearer(STAFF).send();
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) again.json("$.code")).isEqualTo("booking-not-pending");
	}

	@Test
	void badRequestsAreClear4xxProblems() {
		String room = room(Fixtures.ALL_DAY, false);
		assertField(book(resident("f"), room, Fixtures.at(2, 12, 0), Fixtures.at(2, 11, 0)), "endsAt");
		assertField(book(resident("f"), room, Fixtures.at(-1, 12, 0), Fixtures.at(-1, 13, 0)), "startsAt");
		assertField(book(resident("f"), room, Fixtures.at(2, 8, 0), Fixtures.at(2, 13, 0)), "endsAt");
		assertField(book(resident("f"), room, Fixtures.at(90, 8, 0), Fixtures.at(90, 9, 0)), "startsAt");
		assertField(http.post("/api/v1/bookings").bearer(resident("f"))
			.json("{\"roomId\":\"" + room + "\",\"startsAt\":\"" + Fixtures.at(2, 8, 0) + "\",\"endsAt\":\""
					+ Fixtures.at(2, 9, 0) + "\",\"purpose\":\"x\",\"bookerType\":\"ORGANIZATION\"}")
			.send(), "organizationName");
		assertField(http.post("/api/v1/bookings").bearer(resident("f"))
			.json("{\"roomId\":\"" + room + "\",\"startsAt\":\"2026-13-01T10:00:00+08:00\",\"endsAt\":\""
					+ Fixtures.at(2, 9, 0) + "\",\"purpose\":\"x\"}")
			.send(), "startsAt");
		Response staffOnly = http.post("/api/v1/bookings").bearer(resident("f"))
			.json("{\"roomId\":\"" + room + "\",\"startsAt\":\"" + Fixtures.at(2, 8, 0) + "\",\"endsAt\":\""
					+ Fixtures.at(2, 9, 0) + "\",\"purpose\":\"x\",\"bookerType\":\"STAFF\"}")
			.send();
		assertThat(staffOnly.status()).isEqualTo(403);
		assertThat(book(OTHER_ADMIN, room, Fixtures.at(2, 8, 0), Fixtures.at(2, 9, 0)).status())
			.as("another district's room does not exist").isEqualTo(404);
		assertThat(http.get("/api/v1/bookings/" + java.util.UUID.randomUUID()).bearer(STAFF).send().status())
			.isEqualTo(404);
	}

	@Test
	void theRoomCalendarIsValidICalendarWithDetailsForStaffOnly() {
		String center = Fixtures.createCenter(http, STAFF, "COMMUNITY", "日历中心", REGION, 21.831, 111.931,
				Fixtures.ALL_DAY, null);
		String room = Fixtures.createRoom(http, STAFF, center, "会议室", 20, false);
		assertThat(http.post("/api/v1/bookings").bearer(resident("gina"))
			.json("{\"roomId\":\"" + room + "\",\"startsAt\":\"" + Fixtures.at(1, 15, 0) + "\",\"endsAt\":\""
					+ Fixtures.at(1, 16, 30) + "\",\"purpose\":\"楼栋长例会, 第3次\",\"bookerType\":\"ORGANIZATION\","
					+ "\"organizationName\":\"3号楼楼栋党小组\"}")
			.send().status()).isEqualTo(201);
		Response staffFeed = http.get("/api/v1/rooms/" + room + "/calendar.ics").bearer(STAFF).send();
		assertThat(staffFeed.status()).isEqualTo(200);
		assertThat(staffFeed.contentType()).startsWith("text/calendar");
		assertThat(staffFeed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT\r\n")
			.contains("STATUS:CONFIRMED");
		assertThat(staffFeed.body().replace("\r\n ", "")).contains("SUMMARY:楼栋长例会\\, 第3次", "3号楼楼栋党小组");
		Response residentFeed = http.get("/api/v1/rooms/" + room + "/calendar.ics").bearer(resident("hank")).send();
		assertThat(residentFeed.body()).contains("SUMMARY:已预约").doesNotContain("楼栋长例会");
		Response publicFeed = http.get("/api/v1/public/" + TENANT + "/centers/" + center + "/rooms/" + room
				+ "/calendar.ics").bearer(publicToken(TENANT)).send();
		assertThat(publicFeed.status()).isEqualTo(200);
		assertThat(publicFeed.body()).contains("SUMMARY:已预约").doesNotContain("楼栋党小组");
		assertThat(http.get("/api/v1/public/" + OTHER_TENANT + "/centers/" + center + "/rooms/" + room
				+ "/calendar.ics").bearer(publicToken(OTHER_TENANT)).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/public/" + TENANT + "/centers/" + center + "/rooms/" + room + "/calendar.ics")
			.bearer(publicToken(OTHER_TENANT)).send().status()).as("path tenant must be the token's").isEqualTo(404);
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).as(field).contains("\"errors\"");
		assertThat((List<String>) response.json("$.errors[*].field")).contains(field);
	}
}
