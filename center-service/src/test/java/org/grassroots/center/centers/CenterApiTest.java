package org.grassroots.center.centers;

import java.util.List;

import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.Fixtures;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Centers at every level, hours and "open now", the catalog, data scope and bad input. */
class CenterApiTest extends CenterServiceTestBase {

	@Test
	void createsCentersAtEveryLevelWithTheirParticulars() {
		String district = Fixtures.createCenter(http, ADMIN, "DISTRICT", "江城区党群服务中心", TENANT, 21.8590, 111.9822,
				Fixtures.ALL_DAY, "\"floorAreaM2\":2400.5,\"brandName\":\"红色江城\",\"phone\":\"0662-3333333\"");
		String street = Fixtures.createCenter(http, ADMIN, "STREET", "南恩街道党群服务中心", TENANT + "/01", 21.8560,
				111.9700, Fixtures.OFFICE, "\"parentId\":\"" + district + "\"");
		String community = Fixtures.createCenter(http, STREET, "COMMUNITY", "金山社区党群服务中心",
				TENANT + "/01/003", 21.8500, 111.9650, Fixtures.OFFICE_APPOINTMENTS,
				"\"parentId\":\"" + street + "\",\"serviceItems\":[\"legal-consultation\",\"health-check\"],"
						+ "\"facilities\":[\"图书角\",\"母婴室\"],\"photos\":[\"https://img.example.org/a.jpg\"]");
		assertThat(community).isNotNull();
		Fixtures.createCenter(http, COMMUNITY, "COMPOUND_STATION", "碧桂园小区党群服务站", TENANT + "/01/003/bgy", 21.8510,
				111.9660, Fixtures.OFFICE, null);
		Fixtures.createCenter(http, ADMIN, "REGIONAL", "漠阳江公园区域党群服务中心", TENANT + "/01", 21.8620, 111.9800,
				Fixtures.OFFICE, "\"hostPartner\":{\"kind\":\"PARK\",\"name\":\"漠阳江公园管理处\"}");
		Response pioneer = http.post("/api/v1/centers").bearer(COMMUNITY)
			.json(Fixtures.center("PIONEER_STATION", "工行金山先锋驿站", TENANT + "/01/003", 21.8520, 111.9670,
					"{\"mode\":\"ALL_YEAR\",\"daily\":[{\"opens\":\"07:00\",\"closes\":\"22:00\"}]}",
					"\"hostPartner\":{\"kind\":\"BANK\",\"name\":\"工商银行金山支行\"},"
							+ "\"facilities\":[\"饮水\",\"充电\",\"微波炉\",\"卫生间\"]"))
			.send();
		assertThat(pioneer.status()).isEqualTo(201);
		assertThat(pioneer.header("ETag")).isEqualTo("\"1\"");
		assertThat((String) pioneer.json("$.hostPartner.kind")).isEqualTo("BANK");
		assertThat((Object) pioneer.json("$.openNow")).isInstanceOf(Boolean.class);
		assertThat((List<?>) pioneer.json("$.todayHours")).hasSize(1);

		Response read = http.get("/api/v1/centers/" + community).bearer(COMMUNITY).send();
		assertThat(read.status()).isEqualTo(200);
		assertThat((List<String>) read.json("$.serviceItems")).containsExactly("legal-consultation", "health-check");
		assertThat((Boolean) read.json("$.openingHours.byAppointment")).isTrue();
		assertThat((String) read.json("$.parentId")).isEqualTo(street);
		assertThat((Double) http.get("/api/v1/centers/" + district).bearer(ADMIN).send().json("$.floorAreaM2"))
			.isEqualTo(2400.5);
	}

	@Test
	void theLevelMustFitTheRegionAndTheLocationMustBeInChina() {
		assertField(http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("STREET", "错层级", TENANT + "/01/003", 21.85, 111.96, Fixtures.OFFICE, null)).send(),
				"region");
		assertField(http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("COMMUNITY", "经纬颠倒", TENANT + "/01/003", 111.96, 21.85, Fixtures.OFFICE, null))
			.send(), "location.lat");
		assertField(http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("COMMUNITY", "境外", TENANT + "/01/003", 48.85, 2.35, Fixtures.OFFICE, null)).send(),
				"location");
		assertField(http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("COMMUNITY", "坏时间", TENANT + "/01/003", 21.85, 111.96,
					"{\"mode\":\"WEEKLY\",\"weekly\":{\"MONDAY\":[{\"opens\":\"18:00\",\"closes\":\"09:00\"}]}}", null))
			.send(), "openingHours.weekly.MONDAY[0]");
		assertField(http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("COMMUNITY", "未知服务", TENANT + "/01/003", 21.85, 111.96, Fixtures.OFFICE,
					"\"serviceItems\":[\"legal-consultation\",\"teleportation\"]"))
			.send(), "serviceItems");
		Response badDay = http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("COMMUNITY", "坏星期", TENANT + "/01/003", 21.85, 111.96,
					"{\"mode\":\"WEEKLY\",\"weekly\":{\"FUNDAY\":[]}}", null))
			.send();
		assertThat(badDay.status()).isEqualTo(400);
		Response badLevel = http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("PALACE", "坏级别", TENANT + "/01/003", 21.85, 111.96, Fixtures.OFFICE, null)).send();
		assertThat(badLevel.status()).isEqualTo(400);
		assertThat((String) badLevel.json("$.errors[0].field")).isEqualTo("level");
		Response otherTenant = http.post("/api/v1/centers").bearer(ADMIN)
			.json(Fixtures.center("STREET", "他区", OTHER_TENANT + "/01", 21.85, 111.96, Fixtures.OFFICE, null)).send();
		assertField(otherTenant, "region");
		Response english = http.post("/api/v1/centers").bearer(ADMIN).english()
			.json(Fixtures.center("COMMUNITY", "境外", TENANT + "/01/003", 48.85, 2.35, Fixtures.OFFICE, null)).send();
		assertThat((String) english.json("$.errors[0].message")).contains("outside China");
	}

	@Test
	void staffWorkWithinTheirRegionAndOtherTenantsSeeNothing() {
		String elsewhere = Fixtures.createCenter(http, ADMIN, "COMMUNITY", "东山社区党群服务中心", TENANT + "/02/005",
				21.8700, 111.9900, Fixtures.OFFICE, null);
		Response outside = http.post("/api/v1/centers").bearer(COMMUNITY)
			.json(Fixtures.center("COMPOUND_STATION", "越界站", TENANT + "/02/005/x", 21.87, 111.99, Fixtures.OFFICE, null))
			.send();
		assertThat(outside.status()).isEqualTo(403);
		assertThat((String) outside.json("$.code")).isEqualTo("region-outside-scope");
		assertThat(http.get("/api/v1/centers/" + elsewhere).bearer(COMMUNITY).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/centers/" + elsewhere).bearer(OTHER_ADMIN).send().status()).isEqualTo(404);
		Response otherPatch = http.patch("/api/v1/centers/" + elsewhere).bearer(OTHER_ADMIN).header("If-Match", "\"1\"")
			.json("{\"name\":\"篡改\"}").send();
		assertThat(otherPatch.status()).isEqualTo(404);
		List<String> listed = http.get("/api/v1/centers?limit=100&region=" + TENANT + "/01").bearer(COMMUNITY).send()
			.json("$.items[*].id");
		assertThat(listed).doesNotContain(elsewhere);
		assertThat(http.get("/api/v1/centers").bearer(resident("r-1")).send().status()).isEqualTo(403);
	}

	@Test
	void updatesNeedTheCurrentVersionAndMayChangeHoursAndStatus() {
		String id = Fixtures.createCenter(http, ADMIN, "COMMUNITY", "西平社区党群服务中心", TENANT + "/03/001", 21.84,
				111.95, Fixtures.OFFICE, null);
		assertThat(http.patch("/api/v1/centers/" + id).bearer(ADMIN).json("{\"name\":\"x\"}").send().status())
			.isEqualTo(428);
		Response changed = http.patch("/api/v1/centers/" + id).bearer(ADMIN).header("If-Match", "\"1\"")
			.json("{\"openingHours\":" + Fixtures.ALL_DAY + ",\"status\":\"SUSPENDED\",\"serviceItems\":[\"job-matching\"]}")
			.send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"2\"");
		assertThat((Boolean) changed.json("$.openNow")).as("suspended centers are never open").isFalse();
		Response reopened = http.patch("/api/v1/centers/" + id).bearer(ADMIN).header("If-Match", "\"2\"")
			.json("{\"status\":\"ACTIVE\"}").send();
		assertThat((Boolean) reopened.json("$.openNow")).as("open around the clock").isTrue();
		Response stale = http.patch("/api/v1/centers/" + id).bearer(ADMIN).header("If-Match", "\"1\"")
			.json("{\"name\":\"过期\"}").send();
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void theCatalogIsSeededWithSixCategoriesAndSeventeenItemsAndGrows() {
		String tenant = "441704";
		String admin = Fixtures.admin(tenant);
		Response catalog = http.get("/api/v1/service-catalog").bearer(admin).send();
		assertThat(catalog.status()).isEqualTo(200);
		assertThat((List<String>) catalog.json("$[*].name")).containsExactly("法律援助", "医疗健康", "就业创业", "困难帮扶",
				"文化服务", "政策咨询");
		assertThat((List<String>) catalog.json("$[*].items[*].code")).hasSize(17);
		assertThat(http.post("/api/v1/service-catalog/items").bearer(admin)
			.json("{\"code\":\"rider-care\",\"categoryCode\":\"assistance\",\"name\":\"骑手关爱\"}").send().status())
			.isEqualTo(201);
		assertThat(http.post("/api/v1/service-catalog/items").bearer(admin)
			.json("{\"code\":\"rider-care\",\"categoryCode\":\"assistance\",\"name\":\"重复\"}").send().status())
			.isEqualTo(409);
		assertThat(http.post("/api/v1/service-catalog/items").bearer(person(tenant, "s", tenant + "/01", "STREET_STAFF")).json("{\"code\":\"x\",\"categoryCode\":\"assistance\",\"name\":\"x\"}").send().status())
			.isEqualTo(403);
		assertThat((List<String>) http.get("/api/v1/service-catalog").bearer(resident("r-2")).send()
			.json("$[*].items[*].code")).hasSize(17).doesNotContain("rider-care");
		assertThat((List<String>) http.get("/api/v1/service-catalog").bearer(admin).send().json("$[*].items[*].code"))
			.hasSize(18).contains("rider-care");
	}

	@Test
	void theTenantTimeZoneDefaultsToShanghaiAndCanChange() {
		String tenant = "653101";
		String admin = Fixtures.admin(tenant);
		Response settings = http.get("/api/v1/centers/settings").bearer(admin).send();
		assertThat((String) settings.json("$.timeZone")).isEqualTo("Asia/Shanghai");
		assertThat(settings.header("ETag")).isEqualTo("\"0\"");
		Response bad = http.put("/api/v1/centers/settings").bearer(admin).header("If-Match", "\"0\"")
			.json("{\"timeZone\":\"Mars/Olympus\"}").send();
		assertThat(bad.status()).isEqualTo(400);
		Response changed = http.put("/api/v1/centers/settings").bearer(admin).header("If-Match", "\"0\"")
			.json("{\"timeZone\":\"Asia/Urumqi\"}").send();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		assertThat(http.put("/api/v1/centers/settings").bearer(admin).header("If-Match", "\"0\"")
			.json("{\"timeZone\":\"Asia/Shanghai\"}").send().status()).isEqualTo(412);
		assertThat((String) http.get("/api/v1/centers/settings").bearer(admin).send().json("$.timeZone"))
			.isEqualTo("Asia/Urumqi");
		assertThat(http.get("/api/v1/centers/settings").bearer(Fixtures.admin("441702")).send().json("$.timeZone")
			.toString()).isEqualTo("Asia/Shanghai");
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat((List<String>) response.json("$.errors[*].field")).contains(field);
	}
}
