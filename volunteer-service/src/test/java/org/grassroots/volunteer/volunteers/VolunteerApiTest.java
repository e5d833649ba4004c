package org.grassroots.volunteer.volunteers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.volunteer.VolunteerServiceTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer API through a real servlet container, database and Redis: the main flow, data scope, bad input,
 * optimistic concurrency and idempotency keys.
 */
class VolunteerApiTest extends VolunteerServiceTestBase {

	static final String TENANT = "441702";

	static final String STAFF = TestTokens.person(TENANT, "staff-1", TENANT, "TENANT_ADMIN");

	static final String COMMUNITY = TestTokens.person(TENANT, "community-1", TENANT + "/01/003", "COMMUNITY_STAFF");

	private Response register(String token, String name, String region) {
		return http.post("/api/v1/volunteers")
			.bearer(token)
			.json("{\"name\":\"" + name + "\",\"region\":\"" + region + "\",\"skills\":[\"急救\"]}")
			.send();
	}

	@Test
	void registersReadsAndListsAVolunteer() {
		Response created = register(STAFF, "李娜", TENANT + "/01/003");
		assertThat(created.status()).isEqualTo(201);
		String id = created.json("$.id");
		assertThat(created.header("Location")).isEqualTo("/api/v1/volunteers/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat((List<String>) created.json("$.skills")).containsExactly("急救");

		Response read = http.get("/api/v1/volunteers/" + id).bearer(COMMUNITY).send();
		assertThat(read.status()).isEqualTo(200);
		assertThat((String) read.json("$.name")).isEqualTo("李娜");
	}

	@Test
	void communityStaffSeeOnlyTheirCommunity() {
		String inside = register(STAFF, "张伟", TENANT + "/01/003").json("$.id");
		String outside = register(STAFF, "王芳", TENANT + "/02/007").json("$.id");

		Response hidden = http.get("/api/v1/volunteers/" + outside).bearer(COMMUNITY).send();
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.isProblem()).isTrue();

		Response list = http.get("/api/v1/volunteers?limit=100").bearer(COMMUNITY).send();
		List<String> ids = list.json("$.items[*].id");
		assertThat(ids).contains(inside).doesNotContain(outside);

		Response forbidden = register(COMMUNITY, "赵磊", TENANT + "/02/007");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat((String) forbidden.json("$.code")).isEqualTo("volunteer-region-outside-scope");
	}

	@Test
	void paginatesWithCursors() {
		String region = TENANT + "/09/" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			register(STAFF, "志愿者" + i, region);
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Response page = http.get("/api/v1/volunteers?limit=2&region=" + region + (cursor == null ? "" : "&cursor=" + cursor))
				.bearer(STAFF)
				.send();
			assertThat(page.status()).isEqualTo(200);
			seen.addAll(page.json("$.items[*].id"));
			cursor = page.json("$.nextCursor");
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(seen).hasSize(5).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo(3);

		assertThat(http.get("/api/v1/volunteers?limit=0").bearer(STAFF).send().status()).isEqualTo(400);
		assertThat(http.get("/api/v1/volunteers?limit=101").bearer(STAFF).send().status()).isEqualTo(400);
		Response badCursor = http.get("/api/v1/volunteers?cursor=@@@@").bearer(STAFF).send();
		assertThat(badCursor.status()).isEqualTo(400);
	}

	@Test
	void updatesNeedTheCurrentVersion() {
		Response created = register(STAFF, "陈静", TENANT + "/01/003");
		String id = created.json("$.id");

		Response noVersion = http.patch("/api/v1/volunteers/" + id).bearer(STAFF).json("{\"name\":\"陈晶\"}").send();
		assertThat(noVersion.status()).isEqualTo(428);

		Response ok = http.patch("/api/v1/volunteers/" + id)
			.bearer(STAFF)
			.header("If-Match", created.header("ETag"))
			.json("{\"name\":\"陈晶\",\"status\":\"SUSPENDED\"}")
			.send();
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.header("ETag")).isEqualTo("\"2\"");
		assertThat((String) ok.json("$.status")).isEqualTo("SUSPENDED");

		Response stale = http.patch("/api/v1/volunteers/" + id)
			.bearer(STAFF)
			.header("If-Match", created.header("ETag"))
			.json("{\"name\":\"陈静静\"}")
			.send();
		assertThat(stale.status()).isEqualTo(412);
		assertThat((String) http.get("/api/v1/volunteers/" + id).bearer(STAFF).send().json("$.name")).isEqualTo("陈晶");
	}

	@Test
	void badInputIsAClear4xxProblemInChineseOrEnglish() {
		Response malformed = http.post("/api/v1/volunteers").bearer(STAFF).json("{\"name\": ").send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.isProblem()).isTrue();
		assertThat((String) malformed.json("$.code")).isEqualTo("malformed-body");
		assertThat((String) malformed.json("$.detail")).contains("JSON");
		assertThat((String) malformed.json("$.type")).isEqualTo("urn:problem:grassroots:malformed-body");

		Response missing = http.post("/api/v1/volunteers").bearer(STAFF).json("{\"skills\":[]}").send();
		assertThat(missing.status()).isEqualTo(400);
		List<String> fields = missing.json("$.errors[*].field");
		assertThat(fields).contains("name", "region");

		Response wrongType = http.post("/api/v1/volunteers")
			.bearer(STAFF)
			.json("{\"name\":\"刘洋\",\"region\":\"441702\",\"skills\":\"急救\"}")
			.send();
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat((String) wrongType.json("$.errors[0].field")).isEqualTo("skills");

		Response unknownField = http.post("/api/v1/volunteers")
			.bearer(STAFF)
			.json("{\"name\":\"刘洋\",\"region\":\"441702\",\"tenantId\":\"340202\"}")
			.send();
		assertThat(unknownField.status()).isEqualTo(400);

		Response otherTenantRegion = register(STAFF, "刘洋", "340202/01");
		assertThat(otherTenantRegion.status()).isEqualTo(400);
		assertThat((String) otherTenantRegion.json("$.errors[0].field")).isEqualTo("region");
		assertThat((String) otherTenantRegion.json("$.errors[0].message")).isEqualTo("地区必须属于本区");

		Response english = http.post("/api/v1/volunteers").bearer(STAFF).english().json("{\"name\": ").send();
		assertThat((String) english.json("$.detail")).isEqualTo("The request body is not valid JSON.");
		assertThat((String) english.json("$.title")).isEqualTo("Unreadable body");

		Response huge = http.post("/api/v1/volunteers")
			.bearer(STAFF)
			.json("{\"name\":\"" + "很".repeat(600_000) + "\",\"region\":\"441702\"}")
			.send();
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.isProblem()).isTrue();

		Response wrongMedia = http.post("/api/v1/volunteers").bearer(STAFF).body("text/plain", "x".getBytes()).send();
		assertThat(wrongMedia.status()).isEqualTo(415);
		assertThat(wrongMedia.isProblem()).isTrue();

		Response badId = http.get("/api/v1/volunteers/not-a-uuid").bearer(STAFF).send();
		assertThat(badId.status()).isEqualTo(400);

		Response wrongMethod = http.delete("/api/v1/volunteers").bearer(STAFF).send();
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.isProblem()).isTrue();

		Response noRoute = http.get("/api/v1/nothing-here").bearer(STAFF).send();
		assertThat(noRoute.status()).isEqualTo(404);
		assertThat(noRoute.isProblem()).isTrue();

		Response residentCannotList = http.get("/api/v1/volunteers")
			.bearer(TestTokens.person(TENANT, "resident-1", TENANT, "RESIDENT"))
			.send();
		assertThat(residentCannotList.status()).isEqualTo(403);
	}

	@Test
	void idempotencyKeyReplaysRejectsReuseAndExecutesConcurrentDuplicatesOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = "{\"name\":\"周敏\",\"region\":\"441702/05\"}";
		Response first = http.post("/api/v1/volunteers").bearer(STAFF).header("Idempotency-Key", key).json(body).send();
		Response again = http.post("/api/v1/volunteers").bearer(STAFF).header("Idempotency-Key", key).json(body).send();
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

		Response reused = http.post("/api/v1/volunteers")
			.bearer(STAFF)
			.header("Idempotency-Key", key)
			.json("{\"name\":\"周敏敏\",\"region\":\"441702/05\"}")
			.send();
		assertThat(reused.status()).isEqualTo(422);
		assertThat((String) reused.json("$.code")).isEqualTo("idempotency-key-reused");

		String concurrentKey = UUID.randomUUID().toString();
		String region = "441702/06/" + UUID.randomUUID().toString().substring(0, 8);
		String concurrentBody = "{\"name\":\"并发\",\"region\":\"" + region + "\"}";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> http.post("/api/v1/volunteers")
					.bearer(STAFF)
					.header("Idempotency-Key", concurrentKey)
					.json(concurrentBody)
					.timeout(Duration.ofSeconds(20))
					.send());
			}
			List<String> locations = new ArrayList<>();
			for (Future<Response> f : pool.invokeAll(calls)) {
				Response r = f.get();
				assertThat(r.status()).isIn(201, 409);
				if (r.status() == 201) {
					locations.add(r.header("Location"));
				}
			}
			assertThat(locations).isNotEmpty();
			assertThat(locations.stream().distinct()).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		List<String> created = http.get("/api/v1/volunteers?region=" + region).bearer(STAFF).send().json("$.items[*].id");
		assertThat(created).hasSize(1);

		Response badKey = http.post("/api/v1/volunteers").bearer(STAFF).header("Idempotency-Key", "has space").json(body).send();
		assertThat(badKey.status()).isEqualTo(400);
	}
}
