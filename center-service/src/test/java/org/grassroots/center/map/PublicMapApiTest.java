package org.grassroots.center.map;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.Fixtures;
import org.grassroots.defaults.tenancy.TenantContext;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public map: nearest stations with filters, GeoJSON, the public center page, and an index that stays
 * consistent across replicas (Redis invalidation, and the database version check when a message is lost).
 */
class PublicMapApiTest extends CenterServiceTestBase {

	static final String T = "441781";

	static final String ADMIN_T = person(T, "admin-map", T, "TENANT_ADMIN");

	static final String PUBLIC = publicToken(T);

	static final double LAT = 21.86;

	static final double LNG = 111.98;

	static String a;

	static String b;

	static String c;

	static String d;

	@Autowired
	MapIndexRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisMessageListenerContainer listener;

	@BeforeEach
	void centers() {
		if (a != null) {
			return;
		}
		a = Fixtures.createCenter(http, ADMIN_T, "COMMUNITY", "甲社区中心", T + "/01/001", LAT, LNG, Fixtures.ALL_DAY,
				"\"serviceItems\":[\"legal-consultation\"],\"facilities\":[\"图书角\"]");
		Fixtures.createRoom(http, ADMIN_T, a, "议事厅", 30, true);
		b = Fixtures.createCenter(http, ADMIN_T, "PIONEER_STATION", "乙先锋驿站", T + "/01", LAT + 0.01, LNG,
				Fixtures.ALL_DAY, "\"serviceItems\":[\"health-check\"],\"hostPartner\":{\"kind\":\"TELECOM\",\"name\":\"移动营业厅\"}");
		c = Fixtures.createCenter(http, ADMIN_T, "COMPOUND_STATION", "丙小区站", T + "/01/001/x", LAT + 0.02, LNG,
				"{\"mode\":\"APPOINTMENT_ONLY\",\"note\":\"电话预约\"}", null);
		d = Fixtures.createCenter(http, ADMIN_T, "COMMUNITY", "丁社区中心（暂停）", T + "/01/002", LAT + 0.001, LNG,
				Fixtures.ALL_DAY, "\"status\":\"SUSPENDED\"");
	}

	private Response nearest(String query) {
		return http.get("/api/v1/public/" + T + "/map/nearest?lat=" + LAT + "&lng=" + LNG + query).bearer(PUBLIC).send();
	}

	@Test
	void nearestStationsWithDistanceWalkingTimeAndFilters() {
		Response all = nearest("");
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat((List<String>) all.json("$[*].id")).containsExactly(a, b, c);
		assertThat((Integer) all.json("$[1].distanceMeters")).isBetween(1105, 1120);
		assertThat((Integer) all.json("$[1].walkingMinutes")).isEqualTo(19);
		assertThat((Boolean) all.json("$[0].openNow")).isTrue();
		assertThat((Boolean) all.json("$[2].openNow")).isFalse();
		assertThat((List<String>) nearest("&n=1").json("$[*].id")).containsExactly(a);
		assertThat((List<String>) nearest("&level=PIONEER_STATION").json("$[*].id")).containsExactly(b);
		assertThat((List<String>) nearest("&serviceItem=health-check").json("$[*].id")).containsExactly(b);
		assertThat((List<String>) nearest("&openNow=true").json("$[*].id")).containsExactly(a, b);
		assertThat((List<?>) nearest("&minStars=1").json("$")).isEmpty();
		assertThat((List<String>) nearest("&radiusMeters=1500").json("$[*].id")).containsExactly(a, b);

		assertBad(http.get("/api/v1/public/" + T + "/map/nearest?lat=200&lng=" + LNG).bearer(PUBLIC).send(), "lat");
		assertBad(nearest("&n=0"), "n");
		assertBad(nearest("&n=51"), "n");
		assertBad(nearest("&level=PALACE"), "level");
		assertBad(nearest("&minStars=6"), "minStars");
		Response missing = http.get("/api/v1/public/" + T + "/map/nearest?lng=" + LNG).bearer(PUBLIC).send();
		assertThat(missing.status()).isEqualTo(400);
		assertThat((String) missing.json("$.code")).isEqualTo("missing-parameter");
		assertThat(http.get("/api/v1/public/" + T + "/map/nearest?lat=" + LAT + "&lng=" + LNG)
			.bearer(publicToken("441782")).send().status()).as("the path tenant must be the token's").isEqualTo(404);
	}

	@Test
	void geoJsonOfAllCentersAndThePublicCenterPage() {
		Response geo = http.get("/api/v1/public/" + T + "/map/centers").bearer(PUBLIC).send();
		assertThat(geo.status()).isEqualTo(200);
		assertThat(geo.contentType()).startsWith("application/geo+json");
		assertThat(geo.header("Cache-Control")).contains("max-age=30");
		assertThat((String) geo.json("$.type")).isEqualTo("FeatureCollection");
		assertThat((List<String>) geo.json("$.features[*].id")).containsExactlyInAnyOrder(a, b, c);
		String path = "$.features[?(@.id == '" + b + "')]";
		assertThat((List<List<Double>>) geo.json(path + ".geometry.coordinates")).containsExactly(List.of(LNG, LAT + 0.01));
		assertThat((List<String>) geo.json(path + ".properties.level")).containsExactly("PIONEER_STATION");
		Response box = http.get("/api/v1/public/" + T + "/map/centers?bbox=" + (LNG - 0.01) + "," + (LAT - 0.005) + ","
				+ (LNG + 0.01) + "," + (LAT + 0.015)).bearer(PUBLIC).header("Accept", "application/json").send();
		assertThat((List<String>) box.json("$.features[*].id")).containsExactlyInAnyOrder(a, b);
		assertThat(http.get("/api/v1/public/" + T + "/map/centers?bbox=1,2,3").bearer(PUBLIC).send().status())
			.isEqualTo(400);

		Response page = http.get("/api/v1/public/" + T + "/centers/" + a).bearer(PUBLIC).send();
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat((List<String>) page.json("$.services[*].name")).containsExactly("法律咨询");
		assertThat((List<String>) page.json("$.rooms[*].name")).containsExactly("议事厅");
		assertThat((Boolean) page.json("$.openNow")).isTrue();
		assertThat(page.body()).doesNotContain("version").doesNotContain("createdAt");
		assertThat(http.get("/api/v1/public/" + T + "/centers/" + d).bearer(PUBLIC).send().status())
			.as("suspended centers are not public").isEqualTo(404);
		assertThat(http.get("/api/v1/public/" + T + "/centers/" + a).bearer(publicToken("441782")).send().status())
			.isEqualTo(404);
		assertThat(http.get("/api/v1/public/" + T + "/map/service-catalog").bearer(PUBLIC).send()
			.json("$[*].items[*].code").toString()).contains("health-check");
	}

	@Test
	void changesReachTheMapAtOnceAndOtherReplicasThroughRedisOrTheVersionCheck() throws Exception {
		// this replica: its own change invalidates its index after commit
		Response centerRead = http.get("/api/v1/centers/" + b).bearer(ADMIN_T).send();
		Response renamed = http.patch("/api/v1/centers/" + b).bearer(ADMIN_T).header("If-Match", centerRead.header("ETag"))
			.json("{\"name\":\"乙先锋驿站（新）\"}").send();
		assertThat(renamed.status()).isEqualTo(200);
		assertThat((List<String>) nearest("&level=PIONEER_STATION").json("$[*].name")).containsExactly("乙先锋驿站（新）");

		// another replica changed the database and announced the new version on Redis: this replica drops its copy
		// (its own staleness bound is an hour in these tests, so only the message can explain the change)
		long listening = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!listener.isListening() && System.nanoTime() < listening) {
			Thread.sleep(100);
		}
		assertThat(listener.isListening()).as("subscribed to the invalidation channel").isTrue();
		long version = changeAsAnotherReplica("乙先锋驿站（他处修改）");
		redis.convertAndSend(MapIndexSync.channel(T), Long.toString(version));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<String> names = List.of();
		while (System.nanoTime() < deadline) {
			names = nearest("&level=PIONEER_STATION").json("$[*].name");
			if (names.contains("乙先锋驿站（他处修改）")) {
				break;
			}
			Thread.sleep(50);
		}
		assertThat(names).containsExactly("乙先锋驿站（他处修改）");

		// a replica that missed the message: its copy is checked against the database version once it is older
		// than the staleness bound
		CenterIndex replica = new CenterIndex(repository, transactions, Duration.ofMillis(300));
		assertThat(namesIn(replica)).contains("乙先锋驿站（他处修改）");
		changeAsAnotherReplica("乙先锋驿站（消息丢失）");
		assertThat(namesIn(replica)).as("still within the bound").contains("乙先锋驿站（他处修改）");
		Thread.sleep(400);
		assertThat(namesIn(replica)).contains("乙先锋驿站（消息丢失）");
	}

	private List<String> namesIn(CenterIndex index) {
		return TenantContext.callAs(T, () -> index.current().items().stream().map(MapPoint::name).toList());
	}

	/** What another replica's change does in the database: the row and the tenant's index version, one commit. */
	private static long changeAsAnotherReplica(String name) throws Exception {
		DatabaseCredentials db = TestInfrastructure.database("center");
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
			connection.setAutoCommit(false);
			try (PreparedStatement tenant = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				tenant.setString(1, T);
				tenant.execute();
			}
			try (PreparedStatement update = connection.prepareStatement("update center set name = ? where id = ?::uuid")) {
				update.setString(1, name);
				update.setString(2, b);
				assertThat(update.executeUpdate()).isEqualTo(1);
			}
			long version;
			try (PreparedStatement bump = connection.prepareStatement(
					"update center_index_version set version = version + 1 returning version");
					ResultSet rs = bump.executeQuery()) {
				rs.next();
				version = rs.getLong(1);
			}
			connection.commit();
			return version;
		}
	}

	private static void assertBad(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat((List<String>) response.json("$.errors[*].field")).contains(field);
	}

}
