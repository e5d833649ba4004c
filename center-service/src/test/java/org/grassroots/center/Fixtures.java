package org.grassroots.center;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.grassroots.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies and set-up calls shared by the API tests. */
public final class Fixtures {

	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** Open around the clock, every day of the year. */
	public static final String ALL_DAY = "{\"mode\":\"ALL_YEAR\",\"daily\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}]}";

	/** 09:00–17:00 every day, no appointments. */
	public static final String OFFICE = weekly("09:00", "17:00", false);

	/** 09:00–17:00 every day, by appointment outside. */
	public static final String OFFICE_APPOINTMENTS = weekly("09:00", "17:00", true);

	private Fixtures() {
	}

	public static String weekly(String opens, String closes, boolean appointments) {
		StringBuilder days = new StringBuilder();
		for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) {
			if (days.length() > 0) {
				days.append(',');
			}
			days.append('"').append(day).append("\":[{\"opens\":\"").append(opens).append("\",\"closes\":\"")
				.append(closes).append("\"}]");
		}
		return "{\"mode\":\"WEEKLY\",\"weekly\":{" + days + "},\"byAppointment\":" + appointments + "}";
	}

	public static String center(String level, String name, String region, double lat, double lng, String hours,
			String extra) {
		return "{\"level\":\"" + level + "\",\"name\":\"" + name + "\",\"region\":\"" + region
				+ "\",\"address\":\"" + name + "地址\",\"location\":{\"lat\":" + lat + ",\"lng\":" + lng
				+ "},\"openingHours\":" + hours + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
	}

	public static String createCenter(TestHttp http, String token, String level, String name, String region,
			double lat, double lng, String hours, String extra) {
		TestHttp.Response created = http.post("/api/v1/centers").bearer(token)
			.json(center(level, name, region, lat, lng, hours, extra)).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json("$.id");
	}

	public static String createRoom(TestHttp http, String token, String centerId, String name, int capacity,
			boolean approval) {
		TestHttp.Response room = http.post("/api/v1/rooms").bearer(token)
			.json("{\"centerId\":\"" + centerId + "\",\"name\":\"" + name + "\",\"capacity\":" + capacity
					+ ",\"facilities\":[\"投影仪\"],\"requiresApproval\":" + approval + "}")
			.send();
		assertThat(room.status()).as(room.body()).isEqualTo(201);
		return room.json("$.id");
	}

	/** Local time in Shanghai {@code days} ahead at {@code hour:minute}, as an ISO string with offset. */
	public static String at(int days, int hour, int minute) {
		ZonedDateTime t = ZonedDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.DAYS).plusDays(days).withHour(hour)
			.withMinute(minute);
		return t.toOffsetDateTime().toString();
	}

	public static OffsetDateTime atTime(int days, int hour, int minute) {
		return OffsetDateTime.parse(at(days, hour, minute));
	}

	public static String booking(String roomId, String from, String to, String purpose) {
		return "{\"roomId\":\"" + roomId + "\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"purpose\":\""
				+ purpose + "\"}";
	}

	public static String admin(String tenant) {
		return CenterServiceTestBase.person(tenant, "admin-" + tenant, tenant, "TENANT_ADMIN");
	}
}
