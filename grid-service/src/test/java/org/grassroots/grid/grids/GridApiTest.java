package org.grassroots.grid.grids;

import java.util.List;
import java.util.Map;

import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Grids through the API: the hierarchy, locate from the in-memory index (kept consistent through Redis and the
 * database), geometry validation, staff, retirement, bulk import, tenant isolation.
 */
class GridApiTest extends GridServiceTestBase {

	static final String TENANT = "441702";

	@Autowired
	GridIndexSync sync;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void buildsTheHierarchyAndLocatesTheDeepestUnit() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		assertThat(area.grid1()).isEqualTo(area.community() + "/" + area.grid1Code());
		String worker = area.communityStaff("worker-1", "GRID_WORKER");

		double[] p = area.inGrid1();
		Response located = http.get("/api/v1/grids/locate?lat=" + p[0] + "&lng=" + p[1]).bearer(worker).send();
		assertThat(located.status()).isEqualTo(200);
		assertThat((String) located.json("$.grid.id")).isEqualTo(area.grid1Id());
		assertThat((List<String>) located.json("$.path[*].level")).containsExactly("STREET", "COMMUNITY", "GRID");

		double[] c = area.inCommunityOnly();
		assertThat((String) http.get("/api/v1/grids/locate?lat=" + c[0] + "&lng=" + c[1]).bearer(worker).send()
			.json("$.grid.level")).isEqualTo("COMMUNITY");

		double[] none = area.nowhere();
		Response outside = http.get("/api/v1/grids/locate?lat=" + none[0] + "&lng=" + none[1]).bearer(worker).send();
		assertThat(outside.status()).isEqualTo(404);
		assertThat((String) outside.json("$.code")).isEqualTo("no-grid-at-location");

		Response swapped = http.get("/api/v1/grids/locate?lat=" + p[1] + "&lng=" + p[0]).bearer(worker).send();
		assertThat(swapped.status()).isEqualTo(400);
		assertThat((String) swapped.json("$.errors[0].message")).contains("经纬度");

		Response grid = http.get("/api/v1/grids/" + area.grid1Id()).bearer(worker).send();
		assertThat(grid.status()).isEqualTo(200);
		assertThat((String) grid.json("$.geometry.type")).isEqualTo("Polygon");
		assertThat((Double) grid.json("$.areaSquareMeters")).isGreaterThan(100_000.0);

		Response list = http.get("/api/v1/grids?parentId=" + area.communityId()).bearer(worker).send();
		assertThat((List<String>) list.json("$.items[*].id")).containsExactlyInAnyOrder(area.grid1Id(), area.grid2Id());
	}

	@Test
	void refusesBadGeometryWithAClearReasonAndWritesNothing() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String code = Fixtures.code("G");
		Map<String, String> cases = Map.of(
				"{\"type\":\"Polygon\",\"coordinates\":[[[110.0,30.0],[110.01,30.0],[110.01,30.01],[110.0,30.01]]]}",
				"未闭合",
				"{\"type\":\"Polygon\",\"coordinates\":[[[110.0,30.0],[110.01,30.01],[110.01,30.0],[110.0,30.01],[110.0,30.0]]]}",
				"自相交",
				"{\"type\":\"Polygon\",\"coordinates\":[[[30.0,110.0],[30.01,110.0],[30.01,110.01],[30.0,110.0]]]}",
				"不在中国境内",
				"{\"type\":\"LineString\",\"coordinates\":[[110.0,30.0],[110.01,30.0]]}", "LineString",
				"{\"type\":\"Polygon\",\"coordinates\":\"nope\"}", "坐标格式");
		cases.forEach((geometry, reason) -> {
			Response r = http.post("/api/v1/grids")
				.bearer(area.admin())
				.json("{\"code\":\"" + code + "\",\"name\":\"坏网格\",\"level\":\"GRID\",\"parentId\":\""
						+ area.communityId() + "\",\"geometry\":" + geometry + "}")
				.send();
			assertThat(r.status()).as(geometry).isEqualTo(400);
			assertThat(r.isProblem()).isTrue();
			assertThat((String) r.json("$.errors[0].field")).isEqualTo("geometry");
			assertThat((String) r.json("$.errors[0].message")).as(r.body()).contains(reason);
		});
		Response english = http.post("/api/v1/grids").bearer(area.admin()).english()
			.json("{\"code\":\"" + code + "\",\"name\":\"x\",\"level\":\"GRID\",\"parentId\":\"" + area.communityId()
					+ "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[110.0,30.0],[110.01,30.01],[110.01,30.0],"
					+ "[110.0,30.01],[110.0,30.0]]]}}")
			.send();
		assertThat((String) english.json("$.errors[0].message")).startsWith("the boundary intersects itself near");
		Response noGeometry = http.post("/api/v1/grids").bearer(area.admin())
			.json("{\"code\":\"" + code + "\",\"name\":\"x\",\"level\":\"GRID\",\"parentId\":\"" + area.communityId() + "\"}")
			.send();
		assertThat(noGeometry.status()).isEqualTo(400);
		assertThat(sql(TENANT, "select count(*) from grid where code = ?", code).get(0).get(0)).isEqualTo(0L);
		Response wrongParentLevel = http.post("/api/v1/grids").bearer(area.admin())
			.json("{\"code\":\"" + code + "\",\"name\":\"x\",\"level\":\"GRID\",\"parentId\":\"" + area.streetId()
					+ "\",\"geometry\":" + Fixtures.square(area.x(), area.y(), area.x() + 0.001, area.y() + 0.001) + "}")
			.send();
		assertThat(wrongParentLevel.status()).isEqualTo(400);
		assertThat((String) wrongParentLevel.json("$.errors[0].field")).isEqualTo("parentId");
		Response duplicate = http.post("/api/v1/grids").bearer(area.admin())
			.json("{\"code\":\"" + area.grid1Code() + "\",\"name\":\"x\",\"level\":\"GRID\",\"parentId\":\""
					+ area.communityId() + "\",\"geometry\":"
					+ Fixtures.square(area.x(), area.y(), area.x() + 0.001, area.y() + 0.001) + "}")
			.send();
		assertThat(duplicate.status()).isEqualTo(409);
	}

	@Test
	void staffRetirementAndOptimisticConcurrency() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		Response grid = http.get("/api/v1/grids/" + area.grid1Id()).bearer(area.admin()).send();
		String etag = grid.header("ETag");
		Response twoHeads = http.put("/api/v1/grids/" + area.grid1Id() + "/staff").bearer(area.admin())
			.header("If-Match", etag)
			.json("{\"staff\":[{\"subject\":\"a\",\"name\":\"甲\",\"role\":\"HEAD\"},{\"subject\":\"b\",\"name\":\"乙\","
					+ "\"role\":\"HEAD\"}]}")
			.send();
		assertThat(twoHeads.status()).isEqualTo(400);
		Response staffed = http.put("/api/v1/grids/" + area.grid1Id() + "/staff").bearer(area.admin())
			.header("If-Match", etag)
			.json("{\"staff\":[{\"subject\":\"head-1\",\"name\":\"王网格长\",\"role\":\"HEAD\"},{\"subject\":\"ins-1\","
					+ "\"name\":\"李指导员\",\"role\":\"INSTRUCTOR\"},{\"subject\":\"w-1\",\"name\":\"张网格员\","
					+ "\"role\":\"WORKER\"},{\"subject\":\"w-2\",\"name\":\"赵网格员\",\"role\":\"WORKER\"}]}")
			.send();
		assertThat(staffed.status()).as(staffed.body()).isEqualTo(200);
		assertThat((List<String>) staffed.json("$.staff[*].role")).containsExactly("HEAD", "INSTRUCTOR", "WORKER",
				"WORKER");
		Response stale = http.patch("/api/v1/grids/" + area.grid1Id()).bearer(area.admin()).header("If-Match", etag)
			.json("{\"name\":\"改名\"}")
			.send();
		assertThat(stale.status()).isEqualTo(412);
		Response mine = http.get("/api/v1/grids/mine").bearer(area.communityStaff("w-1", "GRID_WORKER")).send();
		assertThat((List<String>) mine.json("$[*].id")).containsExactly(area.grid1Id());

		Response retireParent = http.post("/api/v1/grids/" + area.communityId() + "/retire").bearer(area.admin())
			.header("If-Match", http.get("/api/v1/grids/" + area.communityId()).bearer(area.admin()).send().header("ETag"))
			.send();
		assertThat(retireParent.status()).isEqualTo(409);
		assertThat((String) retireParent.json("$.code")).isEqualTo("grid-has-children");

		Response retired = http.post("/api/v1/grids/" + area.grid2Id() + "/retire").bearer(area.admin())
			.header("If-Match", http.get("/api/v1/grids/" + area.grid2Id()).bearer(area.admin()).send().header("ETag"))
			.send();
		assertThat(retired.status()).isEqualTo(200);
		double[] p = area.inGrid2();
		assertThat((String) http.get("/api/v1/grids/locate?lat=" + p[0] + "&lng=" + p[1]).bearer(area.admin()).send()
			.json("$.grid.level")).as("the retired grid no longer answers").isEqualTo("COMMUNITY");
	}

	@Test
	void otherTenantsAndOtherScopesSeeNothing() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String foreign = TestTokens.person("340202", "admin-x", "340202", "TENANT_ADMIN");
		assertThat(http.get("/api/v1/grids/" + area.grid1Id()).bearer(foreign).send().status()).isEqualTo(404);
		double[] p = area.inGrid1();
		assertThat(http.get("/api/v1/grids/locate?lat=" + p[0] + "&lng=" + p[1]).bearer(foreign).send().status())
			.isEqualTo(404);
		String otherCommunity = TestTokens.person(TENANT, "c-9", area.street() + "/elsewhere", "COMMUNITY_STAFF");
		assertThat(http.get("/api/v1/grids/" + area.grid1Id()).bearer(otherCommunity).send().status()).isEqualTo(404);
		Response resident = http.post("/api/v1/grids").bearer(TestTokens.person(TENANT, "r", TENANT, "RESIDENT"))
			.json("{\"code\":\"X1\",\"name\":\"x\",\"level\":\"STREET\"}").send();
		assertThat(resident.status()).isEqualTo(403);
	}

	@Test
	void importsAFeatureCollectionIdempotentlyAndAllOrNothing() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		double x = area.x();
		double y = area.y();
		String micro1 = Fixtures.code("M");
		String micro2 = Fixtures.code("M");
		String grid3 = Fixtures.code("G");
		String collection = "{\"type\":\"FeatureCollection\",\"features\":["
				+ feature(micro1, "微网格一", "MICRO_GRID", area.grid1Code(), Fixtures.square(x + 0.006, y + 0.006, x + 0.010, y + 0.010)) + ","
				+ feature(grid3, "第三网格", "GRID", communityCode(area), Fixtures.square(x + 0.020, y + 0.025, x + 0.035, y + 0.035))
					.replace("\"parentCode\"", "\"staff\":[{\"subject\":\"import-worker\",\"name\":\"导入网格员\","
							+ "\"role\":\"WORKER\"}],\"parentCode\"") + ","
				+ feature(micro2, "微网格二", "MICRO_GRID", grid3, Fixtures.square(x + 0.021, y + 0.026, x + 0.025, y + 0.030))
				+ "]}";
		Response first = http.post("/api/v1/grids/import").bearer(area.admin()).json(collection).send();
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat((Integer) first.json("$.created")).isEqualTo(3);
		Response again = http.post("/api/v1/grids/import").bearer(area.admin()).json(collection).send();
		assertThat((Integer) again.json("$.unchanged")).isEqualTo(3);
		assertThat((Integer) again.json("$.created")).isEqualTo(0);
		Response staffed = http.get("/api/v1/grids/mine").bearer(area.communityStaff("import-worker", "GRID_WORKER")).send();
		assertThat((List<String>) staffed.json("$[*].code")).containsExactly(grid3);

		double[] inMicro = { y + 0.008, x + 0.008 };
		Response located = http.get("/api/v1/grids/locate?lat=" + inMicro[0] + "&lng=" + inMicro[1]).bearer(area.admin())
			.send();
		assertThat((String) located.json("$.grid.code")).isEqualTo(micro1);
		assertThat((List<String>) located.json("$.path[*].level")).containsExactly("STREET", "COMMUNITY", "GRID",
				"MICRO_GRID");

		String renamed = collection.replace("第三网格", "第三网格（调整）");
		String bad = renamed.substring(0, renamed.length() - 2) + ","
				+ feature(Fixtures.code("G"), "坏的", "GRID", communityCode(area),
						"{\"type\":\"Polygon\",\"coordinates\":[[[110.0,30.0],[110.01,30.01],[110.01,30.0],[110.0,30.01],[110.0,30.0]]]}")
				+ "," + feature(Fixtures.code("G"), "无上级", "GRID", "NO-SUCH", Fixtures.square(x, y, x + 0.001, y + 0.001))
				+ "]}";
		Response rejected = http.post("/api/v1/grids/import").bearer(area.admin()).json(bad).send();
		assertThat(rejected.status()).isEqualTo(400);
		assertThat((String) rejected.json("$.code")).isEqualTo("import-rejected");
		assertThat((List<String>) rejected.json("$.errors[*].field")).containsExactly("features[3].geometry",
				"features[4].properties.parentCode");
		assertThat(sql(TENANT, "select name from grid where code = ?", grid3).get(0).get(0)).as("nothing half-imported")
			.isEqualTo("第三网格");
		Response updated = http.post("/api/v1/grids/import").bearer(area.admin()).json(renamed).send();
		assertThat((Integer) updated.json("$.updated")).isEqualTo(1);
		assertThat((Integer) updated.json("$.unchanged")).isEqualTo(2);
	}

	@Test
	void everyReplicaFollowsTheDatabaseThroughRedisAndThePeriodicCheck() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		double[] p = area.inCommunityOnly();
		String locate = "/api/v1/grids/locate?lat=" + p[0] + "&lng=" + p[1];
		assertThat((String) http.get(locate).bearer(area.admin()).send().json("$.grid.level")).isEqualTo("COMMUNITY");

		// another replica adds a grid: the row and the version change in the database, no message reaches us
		String code = Fixtures.code("G");
		sql(TENANT, "insert into grid (id, tenant_id, code, name, level, parent_id, region, geometry, area_m2, status) "
				+ "values (gen_random_uuid(), ?, ?, '别处新增', 'GRID', cast(? as uuid), ?, cast(? as jsonb), 1000, 'ACTIVE')",
				TENANT, code, area.communityId(), area.community() + "/" + code,
				Fixtures.square(area.x() + 0.005, area.y() + 0.025, area.x() + 0.035, area.y() + 0.035));
		long version = (Long) sql(TENANT, "update grid_index_version set version = nextval('grid_index_version_seq') "
				+ "where tenant_id = ? returning version", TENANT).get(0).get(0);
		assertThat((String) http.get(locate).bearer(area.admin()).send().json("$.grid.level"))
			.as("stale until told").isEqualTo("COMMUNITY");
		sync.reconcile();
		assertThat((String) http.get(locate).bearer(area.admin()).send().json("$.grid.code")).isEqualTo(code);

		// and the Redis message path: a change announced on t:{tenant}:grid-index is picked up without the check
		sql(TENANT, "update grid set status = 'RETIRED' where code = ?", code);
		long next = (Long) sql(TENANT, "update grid_index_version set version = nextval('grid_index_version_seq') "
				+ "where tenant_id = ? returning version", TENANT).get(0).get(0);
		assertThat(next).isGreaterThan(version);
		redis.convertAndSend("t:" + TENANT + ":grid-index", Long.toString(next));
		await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				(String) http.get(locate).bearer(area.admin()).send().json("$.grid.level")).isEqualTo("COMMUNITY"));
		assertThat(TestInfrastructure.redis().url()).startsWith("redis://");
	}

	private static String communityCode(Fixtures.Area area) {
		return area.community().substring(area.community().lastIndexOf('/') + 1);
	}

	private static String feature(String code, String name, String level, String parentCode, String geometry) {
		return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\""
				+ level + "\",\"parentCode\":\"" + parentCode + "\"},\"geometry\":" + geometry + "}";
	}
}
