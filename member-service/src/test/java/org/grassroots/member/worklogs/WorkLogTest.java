package org.grassroots.member.worklogs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.defaults.events.EventStreams;
import org.grassroots.member.MemberServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Work logs written by central households, and grid cases credited from case.closed events exactly once. */
class WorkLogTest extends MemberServiceTestBase {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void theCentralHouseholdAndItsCommunityLogWork() {
		Tree tree = tree();
		String member = registerMember(ADMIN, tree.branch(), "冯十", idNumber(), null, "REGULAR", "member-feng")
			.json("$.id");
		List<UUID> households = households(COMMUNITY, 2);
		String ch = designate(COMMUNITY_STAFF, member, tree.community(), households, "OPINION_COLLECTOR");
		String self = partyMember("member-feng");

		Response visit = http.post("/api/v1/work-logs").bearer(self).json("{\"centralHouseholdId\":\"" + ch
				+ "\",\"kind\":\"VISIT\",\"occurredOn\":\"" + LocalDate.now().minusDays(1) + "\",\"summary\":\"走访独居老人\","
				+ "\"householdIds\":[\"" + households.get(0) + "\"]}").send();
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		assertThat((String) visit.json("$.source")).isEqualTo("MANUAL");
		assertThat(http.post("/api/v1/work-logs").bearer(COMMUNITY_STAFF).json("{\"centralHouseholdId\":\"" + ch
				+ "\",\"kind\":\"OPINION_COLLECTED\",\"occurredOn\":\"" + LocalDate.now().minusDays(2)
				+ "\",\"summary\":\"收集停车意见\"}").send().status()).isEqualTo(201);

		Response caseHelp = http.post("/api/v1/work-logs").bearer(self).json("{\"centralHouseholdId\":\"" + ch
				+ "\",\"kind\":\"CASE_HELP\",\"occurredOn\":\"" + LocalDate.now() + "\",\"summary\":\"x\"}").send();
		assertThat(caseHelp.status()).isEqualTo(400);
		Response future = http.post("/api/v1/work-logs").bearer(self).json("{\"centralHouseholdId\":\"" + ch
				+ "\",\"kind\":\"VISIT\",\"occurredOn\":\"" + LocalDate.now().plusDays(3) + "\",\"summary\":\"x\"}").send();
		assertThat((String) future.json("$.errors[0].field")).isEqualTo("occurredOn");
		Response notLinked = http.post("/api/v1/work-logs").bearer(self).json("{\"centralHouseholdId\":\"" + ch
				+ "\",\"kind\":\"VISIT\",\"occurredOn\":\"" + LocalDate.now() + "\",\"summary\":\"x\",\"householdIds\":[\""
				+ UUID.randomUUID() + "\"]}").send();
		assertThat(notLinked.status()).isEqualTo(422);
		Response someoneElse = http.post("/api/v1/work-logs").bearer(partyMember("member-other")).json(
				"{\"centralHouseholdId\":\"" + ch + "\",\"kind\":\"VISIT\",\"occurredOn\":\"" + LocalDate.now()
						+ "\",\"summary\":\"x\"}").send();
		assertThat(someoneElse.status()).isEqualTo(404);
		assertThat(http.post("/api/v1/work-logs").bearer(OTHER_COMMUNITY_STAFF).json("{\"centralHouseholdId\":\"" + ch
				+ "\",\"kind\":\"VISIT\",\"occurredOn\":\"" + LocalDate.now() + "\",\"summary\":\"x\"}").send().status())
			.isEqualTo(404);

		Response mine = http.get("/api/v1/work-logs?centralHouseholdId=" + ch + "&limit=1").bearer(self).send();
		assertThat((List<String>) mine.json("$.items[*].kind")).containsExactly("VISIT");
		Response next = http.get("/api/v1/work-logs?centralHouseholdId=" + ch + "&limit=1&cursor=" + mine.json("$.nextCursor"))
			.bearer(self).send();
		assertThat((List<String>) next.json("$.items[*].kind")).containsExactly("OPINION_COLLECTED");
		assertThat((List<String>) http.get("/api/v1/work-logs?kind=VISIT&from=" + LocalDate.now().minusDays(1))
			.bearer(STREET_STAFF).send().json("$.items[*].centralHouseholdId")).contains(ch);
		assertThat((List<String>) http.get("/api/v1/work-logs?limit=100").bearer(ADMIN_B).send()
			.json("$.items[*].centralHouseholdId")).doesNotContain(ch);
	}

	@Test
	void aClosedGridCaseIsCreditedExactlyOnce() {
		Tree tree = tree();
		List<UUID> households = households(COMMUNITY, 1);
		String ch = designate(ADMIN, member(tree.branch(), "褚十一"), tree.community(), households, "SERVICE_DOER");
		String caseId = UUID.randomUUID().toString();
		String data = "{\"caseId\":\"" + caseId + "\",\"householdId\":\"" + households.get(0)
				+ "\",\"helperCentralHouseholdId\":\"" + ch + "\",\"category\":\"环境卫生\",\"closedAt\":\"2026-03-05T23:30:00Z\","
				+ "\"rating\":null}";
		String event = publish(A, "case.closed", data);
		publish(A, event, "case.closed", data);
		// closed again after a reopening, now with the resident's rating: still one entry, the rating kept
		publish(A, "case.closed", data.replace("\"rating\":null", "\"rating\":5"));
		// no helper, an unknown central household, another tenant, another type: nothing
		publish(A, "case.closed", data.replace("\"helperCentralHouseholdId\":\"" + ch + "\"", "\"helperCentralHouseholdId\":null")
			.replace(caseId, UUID.randomUUID().toString()));
		publish(A, "case.closed", data.replace(ch, UUID.randomUUID().toString()));
		publish(B, "case.closed", data.replace(caseId, UUID.randomUUID().toString()));
		publish(A, "case.created", data.replace(caseId, UUID.randomUUID().toString()));
		publish(A, "case.closed", "not json");
		String marker = UUID.randomUUID().toString();
		String other = designate(ADMIN, member(tree.branch(), "褚十二"), tree.community(), List.of(), "SERVICE_DOER");
		publish(A, "case.closed", "{\"caseId\":\"" + marker + "\",\"helperCentralHouseholdId\":\"" + other
				+ "\",\"closedAt\":\"2026-03-06T01:00:00Z\"}");

		await().atMost(Duration.ofSeconds(15)).until(() -> count(A, "select count(*) from work_log where case_id = ?",
				marker) == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> count(A, "select count(*) from work_log where case_id = ? "
				+ "and rating = 5", caseId) == 1);
		List<Map<String, Object>> entries = query(A, "select kind, occurred_on::text as day, household_ids::text as h, "
				+ "source, rating from work_log where central_household_id = ?::uuid", ch);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("kind")).isEqualTo("CASE_HELP");
		assertThat(entries.get(0).get("day")).as("the close, in the district's time zone").isEqualTo("2026-03-06");
		assertThat((String) entries.get(0).get("h")).contains(households.get(0).toString());
		assertThat(count(A, "select count(*) from inbox_event where event_id = ?::uuid", event)).isEqualTo(1);
		assertThat(count(B, "select count(*) from work_log")).isZero();

		Response log = http.get("/api/v1/work-logs?centralHouseholdId=" + ch).bearer(COMMUNITY_STAFF).send();
		assertThat((List<String>) log.json("$.items[*].caseId")).containsExactly(caseId);
		assertThat((List<String>) log.json("$.items[*].caseCategory")).containsExactly("环境卫生");
	}

	private String publish(String tenant, String type, String data) {
		return publish(tenant, UUID.randomUUID().toString(), type, data);
	}

	private String publish(String tenant, String id, String type, String data) {
		redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.of("grid-service")).ofMap(Map.of("id", id,
				"source", "grid-service", "type", type, "subject", "case", "time", "2026-03-06T00:00:00Z", "tenant", tenant,
				"data", data)));
		return id;
	}
}
