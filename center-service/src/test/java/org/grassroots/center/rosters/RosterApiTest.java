package org.grassroots.center.rosters;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.Fixtures;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Duty rosters: shifts, no overlapping shifts of one person at a center, who is on duty now. */
class RosterApiTest extends CenterServiceTestBase {

	static String shift(String center, String subject, String name, OffsetDateTime from, OffsetDateTime to) {
		return "{\"centerId\":\"" + center + "\",\"staffSubject\":\"" + subject + "\",\"staffName\":\"" + name
				+ "\",\"dutyRole\":\"值班员\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\"}";
	}

	@Test
	void shiftsOverlapChecksAndOnDutyNow() {
		String center = Fixtures.createCenter(http, COMMUNITY, "COMMUNITY", "值班社区中心", TENANT + "/01/003", 21.846,
				111.956, Fixtures.ALL_DAY, null);
		OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MINUTES);
		Response current = http.post("/api/v1/rosters").bearer(COMMUNITY)
			.json(shift(center, "staff-li", "李敏", now.minusHours(1), now.plusHours(3))).send();
		assertThat(current.status()).as(current.body()).isEqualTo(201);
		assertThat(http.post("/api/v1/rosters").bearer(COMMUNITY)
			.json(shift(center, "staff-wang", "王强", now.plusHours(3), now.plusHours(7))).send().status()).isEqualTo(201);
		Response overlap = http.post("/api/v1/rosters").bearer(COMMUNITY)
			.json(shift(center, "staff-li", "李敏", now.plusHours(2), now.plusHours(5))).send();
		assertThat(overlap.status()).isEqualTo(409);
		assertThat((String) overlap.json("$.code")).isEqualTo("shift-overlap");
		assertThat(http.post("/api/v1/rosters").bearer(COMMUNITY)
			.json(shift(center, "staff-li", "李敏", now.plusHours(3), now.plusHours(1))).send().status()).isEqualTo(400);
		assertThat(http.post("/api/v1/rosters").bearer(resident("x"))
			.json(shift(center, "staff-li", "李敏", now.plusHours(8), now.plusHours(9))).send().status()).isEqualTo(403);

		Response onDuty = http.get("/api/v1/rosters/on-duty?centerId=" + center).bearer(COMMUNITY).send();
		assertThat((List<String>) onDuty.json("$[*].staffName")).containsExactly("李敏");
		Response roster = http.get("/api/v1/rosters?centerId=" + center).bearer(STREET).send();
		assertThat((List<String>) roster.json("$[*].staffName")).containsExactly("李敏", "王强");
		String shiftId = current.json("$.id");
		assertThat(http.delete("/api/v1/rosters/" + shiftId).bearer(COMMUNITY).send().status()).isEqualTo(204);
		assertThat((List<?>) http.get("/api/v1/rosters/on-duty?centerId=" + center).bearer(COMMUNITY).send().json("$"))
			.isEmpty();
		assertThat(http.get("/api/v1/rosters/on-duty?centerId=" + center).bearer(OTHER_ADMIN).send().status())
			.isEqualTo(404);
	}
}
