package org.grassroots.member.evaluations;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.defaults.events.EventStreams;
import org.grassroots.member.MemberServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Training attendance and work logs feed the annual evaluation; the community scores, then the street; the
 * district finalizes (score, grade, reward in fen) and ranks the candidates.
 */
class EvaluationAndTrainingTest extends MemberServiceTestBase {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void indicatorsScoresFinalizationAndTheRankedCandidateList() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.now(shanghai);
		int year = today.getYear();
		String community = STREET + "/e" + UUID.randomUUID().toString().substring(0, 8);
		String communityStaff = longLived(A, "community-e", community, "COMMUNITY_STAFF");
		String streetStaff = STREET_STAFF;
		String committee = organization(ADMIN, "考评社区党委", "COMMITTEE", null, community);
		String branch = organization(ADMIN, "考评社区党支部", "BRANCH", committee, community);
		List<UUID> households = households(community, 3);
		String[] members = { member(branch, "优秀户"), member(branch, "一般户"), member(branch, "未评户") };
		String[] chs = new String[3];
		for (int i = 0; i < 3; i++) {
			chs[i] = designate(communityStaff, members[i], committee, households.subList(i, i + 1), "SERVICE_DOER");
		}

		// training: two courses attended by the first central household's member
		String course1 = course(communityStaff, community, "学习党的二十届三中全会精神");
		String course2 = course(communityStaff, community, "矛盾调解实务");
		Response attended = http.post("/api/v1/trainings/" + course1 + "/attendance").bearer(communityStaff)
			.json("{\"memberIds\":[\"" + members[0] + "\",\"" + members[0] + "\"]}").send();
		assertThat((Integer) attended.json("$.recorded")).isEqualTo(1);
		assertThat((Integer) http.post("/api/v1/trainings/" + course1 + "/attendance").bearer(communityStaff)
			.json("{\"memberIds\":[\"" + members[0] + "\"]}").send().json("$.alreadyRecorded")).isEqualTo(1);
		http.post("/api/v1/trainings/" + course2 + "/attendance").bearer(communityStaff)
			.json("{\"memberIds\":[\"" + members[0] + "\"]}").send();
		Response unknown = http.post("/api/v1/trainings/" + course2 + "/attendance").bearer(communityStaff)
			.json("{\"memberIds\":[\"" + UUID.randomUUID() + "\"]}").send();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat((List<String>) http.get("/api/v1/trainings/" + course1 + "/attendance").bearer(communityStaff).send()
			.json("$.items[*].memberName")).containsExactly("优秀户");
		assertThat(http.post("/api/v1/trainings/" + course1 + "/attendance").bearer(OTHER_COMMUNITY_STAFF)
			.json("{\"memberIds\":[\"" + members[1] + "\"]}").send().status()).isEqualTo(404);

		// work: three visits and a helped case with a five-star rating; one visit for the second
		for (int i = 0; i < 3; i++) {
			log(communityStaff, chs[0], "VISIT", today);
		}
		log(communityStaff, chs[1], "VISIT", today);
		String caseId = UUID.randomUUID().toString();
		redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.of("grid-service")).ofMap(Map.of("id",
				UUID.randomUUID().toString(), "source", "grid-service", "type", "case.closed", "subject", caseId, "time",
				OffsetDateTime.now().toString(), "tenant", A, "data", "{\"caseId\":\"" + caseId
						+ "\",\"helperCentralHouseholdId\":\"" + chs[0] + "\",\"closedAt\":\"" + OffsetDateTime.now()
						+ "\",\"rating\":5,\"category\":\"邻里纠纷\",\"householdId\":null}")));
		await().atMost(Duration.ofSeconds(15)).until(() -> count(A, "select count(*) from work_log where case_id = ?",
				caseId) == 1);

		Response badPolicy = http.put("/api/v1/member-evaluations/policies/" + year).bearer(ADMIN)
			.json(policy(50, 30, 30)).send();
		assertThat(badPolicy.status()).isEqualTo(400);
		assertThat(http.put("/api/v1/member-evaluations/policies/" + year).bearer(STREET_STAFF).json(policy(40, 30, 30))
			.send().status()).isEqualTo(403);
		Response policy = http.put("/api/v1/member-evaluations/policies/" + year).bearer(ADMIN).json(policy(40, 30, 30))
			.send();
		assertThat(policy.status()).as(policy.body()).isEqualTo(200);
		assertThat((Boolean) policy.json("$.standard")).isFalse();

		Response computed = http.post("/api/v1/member-evaluations/years/" + year + "/computation").bearer(communityStaff)
			.send();
		assertThat((Integer) computed.json("$.affected")).isEqualTo(3);
		Response list = http.get("/api/v1/member-evaluations?year=" + year + "&region=" + community).bearer(streetStaff)
			.send();
		assertThat((List<String>) list.json("$.items[*].centralHouseholdId")).containsExactlyInAnyOrder(chs);
		String[] evaluations = new String[3];
		for (int i = 0; i < 3; i++) {
			evaluations[i] = list.json("$.items[?(@.centralHouseholdId == '" + chs[i] + "')].id").toString()
				.replaceAll("[\\[\\]\"]", "");
		}
		Response first = http.get("/api/v1/member-evaluations/" + evaluations[0]).bearer(communityStaff).send();
		assertThat((Integer) first.json("$.indicators.visits")).isEqualTo(3);
		assertThat((Integer) first.json("$.indicators.casesHelped")).isEqualTo(1);
		assertThat(first.json("$.indicators.averageRating").toString()).isEqualTo("5.0");
		assertThat((Integer) first.json("$.indicators.trainingsAttended")).isEqualTo(2);
		assertThat(first.json("$.indicatorScore").toString()).isEqualTo("100.0");
		assertThat(http.get("/api/v1/member-evaluations/" + evaluations[1]).bearer(communityStaff).send()
			.json("$.indicatorScore").toString()).isEqualTo("23.33");
		assertThat(http.get("/api/v1/member-evaluations/" + evaluations[0]).bearer(OTHER_COMMUNITY_STAFF).send().status())
			.isEqualTo(404);

		// the street cannot score before the community; the community cannot score for the street
		assertThat(score(streetStaff, evaluations[2], "street-score", 80).status()).isEqualTo(409);
		assertThat(score(streetStaff, evaluations[0], "community-score", 80).status()).isEqualTo(403);
		assertThat(http.put("/api/v1/member-evaluations/" + evaluations[0] + "/community-score").bearer(communityStaff)
			.json("{\"score\":90}").send().status()).isEqualTo(428);
		assertThat(score(communityStaff, evaluations[0], "community-score", 101).status()).isEqualTo(400);
		assertThat(score(communityStaff, evaluations[0], "community-score", 90).status()).isEqualTo(200);
		assertThat(score(communityStaff, evaluations[1], "community-score", 80).status()).isEqualTo(200);
		assertThat(score(communityStaff, evaluations[2], "community-score", 50).status()).isEqualTo(200);
		assertThat(score(streetStaff, evaluations[0], "street-score", 95).status()).isEqualTo(200);
		assertThat(score(streetStaff, evaluations[1], "street-score", 70).status()).isEqualTo(200);

		Response finalized = http.post("/api/v1/member-evaluations/years/" + year + "/finalization").bearer(ADMIN).send();
		assertThat(finalized.status()).isEqualTo(200);
		assertThat((Integer) finalized.json("$.affected")).isEqualTo(2);
		assertThat((Integer) finalized.json("$.notReady")).isGreaterThanOrEqualTo(1);
		Response excellent = http.get("/api/v1/member-evaluations/" + evaluations[0]).bearer(ADMIN).send();
		assertThat(excellent.json("$.finalScore").toString()).isEqualTo("95.5");
		assertThat((String) excellent.json("$.grade")).isEqualTo("EXCELLENT");
		assertThat(((Number) excellent.json("$.rewardFen")).longValue()).isEqualTo(300_000L);
		Response failed = http.get("/api/v1/member-evaluations/" + evaluations[1]).bearer(ADMIN).send();
		assertThat(failed.json("$.finalScore").toString()).isEqualTo("54.33");
		assertThat((String) failed.json("$.grade")).isEqualTo("FAIL");
		assertThat(((Number) failed.json("$.rewardFen")).longValue()).isZero();

		Response page1 = http.get("/api/v1/member-evaluations/years/" + year + "/candidates?limit=1").bearer(ADMIN).send();
		assertThat((List<Integer>) page1.json("$.items[*].rank")).containsExactly(1);
		assertThat((List<String>) page1.json("$.items[*].name")).containsExactly("优秀户");
		Response page2 = http.get("/api/v1/member-evaluations/years/" + year + "/candidates?limit=1&cursor="
				+ page1.json("$.nextCursor")).bearer(ADMIN).send();
		assertThat((List<Integer>) page2.json("$.items[*].rank")).containsExactly(2);
		assertThat((List<String>) page2.json("$.items[*].name")).containsExactly("一般户");
		assertThat((List<String>) http.get("/api/v1/member-evaluations/years/" + year + "/candidates")
			.bearer(TestTokens.integrator(A, "selection", "members:read")).send().json("$.items[*].name"))
			.containsExactly("优秀户", "一般户");
		assertThat((List<String>) http.get("/api/v1/member-evaluations/years/" + year + "/candidates").bearer(ADMIN_B)
			.send().json("$.items")).isEmpty();

		assertThat(score(communityStaff, evaluations[0], "community-score", 10).status()).isEqualTo(409);
		assertThat(http.put("/api/v1/member-evaluations/policies/" + year).bearer(ADMIN).json(policy(40, 30, 30)).send()
			.status()).isEqualTo(409);
		http.post("/api/v1/member-evaluations/years/" + year + "/computation").bearer(ADMIN).send();
		assertThat(http.get("/api/v1/member-evaluations/" + evaluations[0]).bearer(ADMIN).send().json("$.finalScore")
			.toString()).isEqualTo("95.5");
		assertThat(http.post("/api/v1/member-evaluations/years/1999/computation").bearer(ADMIN).send().status())
			.isEqualTo(400);
	}

	private String course(String token, String region, String title) {
		Response created = http.post("/api/v1/trainings").bearer(token).json("{\"title\":\"" + title + "\",\"region\":\""
				+ region + "\",\"startsAt\":\"" + OffsetDateTime.now().minusHours(1) + "\",\"durationMinutes\":90}").send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json("$.id");
	}

	private void log(String token, String ch, String kind, LocalDate day) {
		Response created = http.post("/api/v1/work-logs").bearer(token).json("{\"centralHouseholdId\":\"" + ch
				+ "\",\"kind\":\"" + kind + "\",\"occurredOn\":\"" + day + "\",\"summary\":\"入户走访\"}").send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private Response score(String token, String evaluation, String which, int score) {
		String etag = http.get("/api/v1/member-evaluations/" + evaluation).bearer(ADMIN).send().header("ETag");
		return http.put("/api/v1/member-evaluations/" + evaluation + "/" + which).bearer(token).header("If-Match", etag)
			.json("{\"score\":" + score + ",\"comment\":\"群众评价好\"}").send();
	}

	private static String policy(int indicator, int community, int street) {
		return "{\"visitTarget\":3,\"caseTarget\":1,\"trainingTarget\":2,\"indicatorWeight\":" + indicator
				+ ",\"communityWeight\":" + community + ",\"streetWeight\":" + street + ",\"excellentMin\":90,"
				+ "\"goodMin\":75,\"passMin\":60,\"excellentRewardFen\":300000,\"goodRewardFen\":150000,"
				+ "\"passRewardFen\":50000}";
	}
}
