package org.grassroots.center.evaluations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.Fixtures;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standards, rubrics and the star evaluation workflow APPLIED → REVIEWED → SCORED → RATED → PUBLISHED with role
 * checks at every step, illegal steps refused, the reward in fen and the full history.
 */
class StarEvaluationApiTest extends CenterServiceTestBase {

	static final int[] ITEMS_PER_INDICATOR = { 3, 3, 3, 2, 3, 2, 3, 2 };

	static final int[] WEIGHTS = { 15, 15, 10, 10, 15, 10, 15, 10 };

	/** 8 first-level indicators with 21 second-level ones (Wuhu's rubric shape), each scored out of 10. */
	static String rubric(String standardId, int year, int[] weights) {
		StringBuilder indicators = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i > 0) {
				indicators.append(',');
			}
			indicators.append("{\"code\":\"I").append(i + 1).append("\",\"name\":\"一级指标").append(i + 1)
				.append("\",\"weight\":").append(weights[i]).append(",\"items\":[");
			for (int j = 0; j < ITEMS_PER_INDICATOR[i]; j++) {
				if (j > 0) {
					indicators.append(',');
				}
				indicators.append("{\"code\":\"I").append(i + 1).append('.').append(j + 1)
					.append("\",\"name\":\"二级指标\",\"maxScore\":10}");
			}
			indicators.append("]}");
		}
		return "{\"name\":\"" + year + "年度党群服务中心星级评定细则\",\"year\":" + year
				+ (standardId == null ? "" : ",\"standardId\":\"" + standardId + "\"") + ",\"indicators\":[" + indicators
				+ "],\"starThresholds\":[60,70,80,90,95],\"rewardTiers\":[{\"stars\":3,\"tier\":\"三档\",\"amountFen\":200000},"
				+ "{\"stars\":4,\"tier\":\"二档\",\"amountFen\":500000},{\"stars\":5,\"tier\":\"一档\",\"amountFen\":1000000}]}";
	}

	static String standard(String code) {
		StringBuilder items = new StringBuilder();
		String[] texts = { "有场所", "有标识", "有设施", "有党旗", "有书报", "有制度", "有活动", "有队伍" };
		for (int i = 0; i < texts.length; i++) {
			items.append(i == 0 ? "" : ",").append("{\"code\":\"h").append(i + 1).append("\",\"text\":\"").append(texts[i])
				.append("\"}");
		}
		return "{\"code\":\"" + code + "\",\"name\":\"八有\",\"items\":[" + items + "]}";
	}

	static String checklist(boolean all) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 1; i <= (all ? 8 : 7); i++) {
			out.append(i == 1 ? "" : ",").append("\"h").append(i).append("\":").append(i != 5);
		}
		return out.append('}').toString();
	}

	/** All full marks except indicator 7 (weight 15): 6/10 on each of its three items → total 94. */
	static String scores(boolean complete, String override) {
		StringBuilder out = new StringBuilder("{\"scores\":{");
		boolean first = true;
		for (int i = 0; i < 8; i++) {
			for (int j = 0; j < ITEMS_PER_INDICATOR[i]; j++) {
				if (!complete && i == 7 && j == 1) {
					continue;
				}
				String value = (i == 6) ? "6" : "10";
				if (override != null && i == 0 && j == 0) {
					value = override;
				}
				out.append(first ? "" : ",").append("\"I").append(i + 1).append('.').append(j + 1).append("\":")
					.append(value);
				first = false;
			}
		}
		return out.append("},\"note\":\"街道考核组\"}").toString();
	}

	@Test
	void theWholeWorkflowWithRolesIllegalStepsRewardAndHistory() throws Exception {
		String standardId = http.post("/api/v1/standards").bearer(ADMIN).json(standard("bayou-eval")).send().json("$.id");
		Response rubric = http.post("/api/v1/standards/rubrics").bearer(ADMIN).json(rubric(standardId, 2026, WEIGHTS))
			.send();
		assertThat(rubric.status()).as(rubric.body()).isEqualTo(201);
		assertThat((List<?>) rubric.json("$.indicators")).hasSize(8);
		assertThat((List<?>) rubric.json("$.indicators[*].items[*]")).hasSize(21);
		String rubricId = rubric.json("$.id");
		String centerId = Fixtures.createCenter(http, COMMUNITY, "COMMUNITY", "星级评定社区中心", TENANT + "/01/003",
				21.845, 111.955, Fixtures.OFFICE, null);
		String apply = "{\"centerId\":\"" + centerId + "\",\"rubricId\":\"" + rubricId + "\",\"checklist\":"
				+ checklist(true) + ",\"selfScores\":{\"I1.1\":9},\"summary\":\"自评材料已上传\"}";

		assertThat(http.post("/api/v1/star-evaluations").bearer(ADMIN).json(apply).send().status())
			.as("the district rates, it does not apply").isEqualTo(403);
		Response incomplete = http.post("/api/v1/star-evaluations").bearer(COMMUNITY)
			.json(apply.replace(checklist(true), checklist(false))).send();
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat((String) incomplete.json("$.errors[0].field")).isEqualTo("checklist");
		Response applied = http.post("/api/v1/star-evaluations").bearer(COMMUNITY).json(apply).send();
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		assertThat((String) applied.json("$.status")).isEqualTo("APPLIED");
		assertThat((Integer) applied.json("$.year")).isEqualTo(2026);
		String id = applied.json("$.id");
		String base = "/api/v1/star-evaluations/" + id;
		assertThat((String) http.post("/api/v1/star-evaluations").bearer(COMMUNITY).json(apply).send().json("$.code"))
			.isEqualTo("evaluation-exists");

		Response early = http.post(base + "/score").bearer(STREET).json(scores(true, null)).send();
		assertThat(early.status()).isEqualTo(409);
		assertThat((String) early.json("$.code")).isEqualTo("evaluation-illegal-step");
		assertThat(http.post(base + "/rate").bearer(ADMIN).json("{}").send().status()).isEqualTo(409);
		assertThat(http.post(base + "/rate").bearer(COMMUNITY).json("{}").send().status()).isEqualTo(403);
		assertThat(http.post(base + "/publish").bearer(STREET).send().status()).isEqualTo(403);

		String review = "{\"representatives\":15,\"approvals\":14,\"opinion\":\"群众满意度高\"}";
		assertThat(http.post(base + "/review").bearer(resident("r")).json(review).send().status()).isEqualTo(403);
		assertThat(http.post(base + "/review").bearer(COMMUNITY)
			.json("{\"representatives\":5,\"approvals\":6,\"opinion\":\"x\"}").send().status()).isEqualTo(400);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Response>> racing = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				racing.add(pool.submit(() -> http.post(base + "/review").bearer(COMMUNITY).json(review).send()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> f : racing) {
				statuses.add(f.get().status());
			}
			assertThat(statuses).as("one review wins, the other is an illegal step").containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(http.post(base + "/score").bearer(COMMUNITY).json(scores(true, null)).send().status())
			.as("the street scores, not the community").isEqualTo(403);
		Response missing = http.post(base + "/score").bearer(STREET).json(scores(false, null)).send();
		assertThat(missing.status()).isEqualTo(400);
		assertThat((String) missing.json("$.errors[0].message")).contains("I8.2");
		assertThat(http.post(base + "/score").bearer(STREET).json(scores(true, "11")).send().status()).isEqualTo(400);
		Response scored = http.post(base + "/score").bearer(STREET).json(scores(true, null)).send();
		assertThat(scored.status()).as(scored.body()).isEqualTo(200);
		assertThat((String) scored.json("$.status")).isEqualTo("SCORED");
		assertThat((Double) scored.json("$.totalScore")).isEqualTo(94.0);
		assertThat((Integer) scored.json("$.suggestedStars")).isEqualTo(4);

		assertThat(http.post(base + "/rate").bearer(STREET).json("{}").send().status()).isEqualTo(403);
		Response overrideWithoutNote = http.post(base + "/rate").bearer(ADMIN).json("{\"stars\":5}").send();
		assertThat(overrideWithoutNote.status()).isEqualTo(400);
		Response rated = http.post(base + "/rate").bearer(ADMIN).json("{\"note\":\"区委组织部审定\"}").send();
		assertThat((String) rated.json("$.status")).isEqualTo("RATED");
		assertThat((Integer) rated.json("$.stars")).isEqualTo(4);
		assertThat((String) rated.json("$.rewardTier")).isEqualTo("二档");
		assertThat(((Number) rated.json("$.rewardFen")).longValue()).isEqualTo(500_000L);

		Response published = http.post(base + "/publish").bearer(ADMIN).send();
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat((String) published.json("$.status")).isEqualTo("PUBLISHED");
		assertThat(http.post(base + "/publish").bearer(ADMIN).send().status()).isEqualTo(409);
		Response center = http.get("/api/v1/centers/" + centerId).bearer(ADMIN).send();
		assertThat((Integer) center.json("$.stars")).isEqualTo(4);
		assertThat((Integer) center.json("$.starsYear")).isEqualTo(2026);

		Response history = http.get(base + "/history").bearer(STREET).send();
		assertThat((List<String>) history.json("$[*].toStatus")).containsExactly("APPLIED", "REVIEWED", "SCORED",
				"RATED", "PUBLISHED");
		assertThat((List<String>) history.json("$[*].actor")).containsExactly("community-01-003", "community-01-003",
				"street-01", "admin-1", "admin-1");
		assertThat((Double) history.json("$[2].details.totalScore")).isEqualTo(94.0);

		List<String> listed = http.get("/api/v1/star-evaluations?year=2026&status=PUBLISHED").bearer(ADMIN).send()
			.json("$.items[*].id");
		assertThat(listed).contains(id);
		assertThat(http.get(base).bearer(OTHER_ADMIN).send().status()).isEqualTo(404);
		assertThat(http.post(base + "/publish").bearer(OTHER_ADMIN).send().status()).isEqualTo(404);
	}

	@Test
	void rubricsAreValidatedAndOnlyTenantAdminsDefineThem() {
		int[] wrongWeights = { 15, 15, 10, 10, 15, 10, 15, 5 };
		Response weights = http.post("/api/v1/standards/rubrics").bearer(ADMIN).json(rubric(null, 2026, wrongWeights))
			.send();
		assertThat(weights.status()).isEqualTo(400);
		assertThat((String) weights.json("$.errors[0].field")).isEqualTo("indicators");
		Response thresholds = http.post("/api/v1/standards/rubrics").bearer(ADMIN)
			.json(rubric(null, 2026, WEIGHTS).replace("[60,70,80,90,95]", "[60,80,70,90,95]")).send();
		assertThat((String) thresholds.json("$.errors[0].field")).isEqualTo("starThresholds");
		Response duplicateCode = http.post("/api/v1/standards/rubrics").bearer(ADMIN)
			.json(rubric(null, 2026, WEIGHTS).replace("\"I2.1\"", "\"I1.1\"")).send();
		assertThat(duplicateCode.status()).isEqualTo(400);
		assertThat(http.post("/api/v1/standards/rubrics").bearer(STREET).json(rubric(null, 2026, WEIGHTS)).send()
			.status()).isEqualTo(403);
		assertThat(http.post("/api/v1/standards").bearer(ADMIN).json(standard("bayou-dup")).send().status())
			.isEqualTo(201);
		assertThat(http.post("/api/v1/standards").bearer(ADMIN).json(standard("bayou-dup")).send().status())
			.isEqualTo(409);
		assertThat((List<String>) http.get("/api/v1/standards").bearer(COMMUNITY).send().json("$[*].code"))
			.contains("bayou-dup");
	}
}
