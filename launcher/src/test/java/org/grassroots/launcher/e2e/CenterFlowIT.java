package org.grassroots.launcher.e2e;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.grassroots.launcher.LocalPlatform;
import org.grassroots.launcher.demo.DemoTenants;
import org.grassroots.launcher.seed.GatewayApi;
import org.grassroots.launcher.seed.Seeder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.grassroots.launcher.e2e.Fixtures.A;
import static org.grassroots.launcher.e2e.Fixtures.B;

/**
 * center-service through the gateway, as clients use it: the public map without login, a staff user setting up a
 * center and a room, residents booking it (one slot, one booking), the 15-minute coverage computed from compounds
 * registered in the real grid-service, and another district seeing none of it. Each test works in its own corner of
 * the district (points tens of kilometres from the demo centers), so the demo data and other tests cannot disturb it.
 */
@Order(20)
@ExtendWith(PlatformExtension.class)
class CenterFlowIT {

	static final String CENTERS = "/api/v1/centers";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final LocalPlatform platform;

	private final Gateway gateway;

	CenterFlowIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void everyDemoTenantHasCentersAtEveryLevelARatedCenterBookingsARosterAndAnActivityAndReseedingAddsNothing() {
		int year = LocalDate.now(ZONE).getYear();
		for (var tenant : DemoTenants.all()) {
			String admin = platform.tokenFor(tenant.code(), "TENANT_ADMIN");
			List<JsonNode> centers = all(admin, CENTERS + "?limit=100");
			assertThat(centers).extracting(c -> c.path("level").asString())
				.contains("DISTRICT", "STREET", "COMMUNITY", "COMPOUND_STATION", "REGIONAL", "PIONEER_STATION");
			JsonNode community = only(centers, c -> "COMMUNITY".equals(c.path("level").asString())
					&& tenant.community().equals(c.path("region").asString()));
			JsonNode street = only(centers, c -> "STREET".equals(c.path("level").asString()));
			JsonNode station = only(centers, c -> "COMPOUND_STATION".equals(c.path("level").asString())
					&& c.path("openingHours").path("mode").asString().equals("APPOINTMENT_ONLY"));
			JsonNode pioneer = only(centers, c -> "PIONEER_STATION".equals(c.path("level").asString())
					&& c.path("hostPartner").isObject());
			assertThat(community.path("openingHours").path("mode").asString()).isEqualTo("ALL_YEAR");
			assertThat(street.path("openingHours").path("extended")).isNotEmpty();
			assertThat(station.path("openingHours").path("byAppointment").asBoolean()).isTrue();
			assertThat(pioneer.path("hostPartner").path("kind").asString()).isEqualTo("BANK");
			assertThat(community.path("serviceItems")).isNotEmpty();
			// the published evaluation shows on the center
			assertThat(community.path("stars").asInt()).isEqualTo(4);
			assertThat(community.path("starsYear").asInt()).isEqualTo(year);
			String communityId = community.path("id").asString();
			Gateway.Reply evaluations = gateway.get("/api/v1/star-evaluations?centerId=" + communityId + "&year=" + year)
				.bearer(admin)
				.send();
			assertThat(list(evaluations.json().path("items"))).singleElement().satisfies(e -> {
				assertThat(e.path("status").asString()).isEqualTo("PUBLISHED");
				assertThat(e.path("rewardFen").asLong()).isEqualTo(2_000_000L);
			});
			// and others stand at earlier steps: waiting for the district's rating, for the representatives' review
			Gateway.Reply all = gateway.get("/api/v1/star-evaluations?year=" + year + "&limit=100").bearer(admin).send();
			assertThat(list(all.json().path("items"))).extracting(e -> e.path("status").asString())
				.contains("PUBLISHED", "SCORED", "APPLIED");

			List<JsonNode> rooms = list(gateway.get("/api/v1/rooms?centerId=" + communityId).bearer(admin).send().json());
			assertThat(rooms).extracting(r -> r.path("requiresApproval").asBoolean()).containsExactlyInAnyOrder(true,
					false);
			List<String> statuses = new ArrayList<>();
			for (JsonNode room : rooms) {
				Gateway.Reply bookings = gateway.get("/api/v1/bookings?roomId=" + room.path("id").asString())
					.bearer(admin)
					.send();
				list(bookings.json().path("items")).forEach(b -> statuses.add(b.path("status").asString()));
			}
			assertThat(statuses).contains("PENDING", "CONFIRMED");

			LocalDate today = LocalDate.now(ZONE);
			Gateway.Reply roster = gateway.get("/api/v1/rosters?centerId=" + communityId + "&from="
					+ q(at(today, "00:00")) + "&to=" + q(at(today.plusDays(1), "00:00"))).bearer(admin).send();
			assertThat(list(roster.json())).hasSize(2);

			Gateway.Reply activities = gateway.get("/api/v1/activities?centerId=" + communityId).bearer(admin).send();
			assertThat(list(activities.json().path("items"))).anySatisfy(a -> {
				assertThat(a.path("capacity").asInt()).isEqualTo(3);
				assertThat(a.path("confirmedCount").asInt()).isEqualTo(3);
				assertThat(a.path("waitlistCount").asInt()).isEqualTo(1);
			});

			// residents find it on the public map, with its stars
			JsonNode location = community.path("location");
			Gateway.Reply nearest = gateway.get(publicMap(tenant.code()) + "/nearest?n=10&lat="
					+ location.path("lat").asDouble() + "&lng=" + location.path("lng").asDouble()).send();
			assertThat(list(nearest.json())).filteredOn(c -> communityId.equals(c.path("id").asString()))
				.singleElement()
				.satisfies(c -> assertThat(c.path("stars").asInt()).isEqualTo(4));
		}

		// a second start seeds over the same data: nothing new, nothing changed
		Map<String, List<String>> before = demoSnapshot();
		new Seeder(new GatewayApi(platform.gatewayUrl(), HttpClient.newHttpClient()), platform::tokenFor,
				// center-service's demo data only (its class is package-private to the seeder)
				Seeder.allDemoData().stream().filter(d -> d.describe().startsWith("centers")).toList())
			.seed(platform.credentials());
		assertThat(demoSnapshot()).isEqualTo(before);
	}

	@Test
	void thePublicMapAnswersWithoutLoginWithDistancesWalkingTimesOpenNowAndGeoJson() {
		String admin = platform.tokenFor(A, "TENANT_ADMIN");
		double lat = 21.700;
		double lng = 111.700;
		String suffix = suffix();
		// ~111 m north: open around the clock; ~550 m north: by appointment only (never "open now"); ~2.2 km: open
		String near = center(admin, "PIONEER_STATION", "地图近站" + suffix, A, lat + 0.001, lng, allDay());
		String appointment = center(admin, "PIONEER_STATION", "地图预约站" + suffix, A, lat + 0.005, lng,
				appointmentOnly());
		String far = center(admin, "PIONEER_STATION", "地图远站" + suffix, A, lat + 0.020, lng, allDay());

		// no Authorization header at all
		Gateway.Reply nearest = gateway.get(publicMap(A) + "/nearest?lat=" + lat + "&lng=" + lng + "&n=2"
				+ "&radiusMeters=5000").send();
		assertThat(nearest.status()).as("%s", nearest).isEqualTo(200);
		List<JsonNode> two = list(nearest.json());
		assertThat(two).extracting(c -> c.path("id").asString()).containsExactly(near, appointment);
		double straight = haversine(lat, lng, lat + 0.001, lng);
		JsonNode first = two.get(0);
		assertThat(first.path("distanceMeters").asDouble()).isCloseTo(straight, within(2.0));
		assertThat(first.path("walkingMeters").asDouble()).isCloseTo(straight * 1.3, within(3.0));
		assertThat(first.path("walkingMinutes").asInt()).isEqualTo((int) Math.ceil(straight * 1.3 / 80));
		assertThat(first.path("openNow").asBoolean()).isTrue();
		assertThat(two.get(1).path("openNow").asBoolean()).isFalse();
		assertThat(two.get(1).path("distanceMeters").asInt()).isGreaterThan(first.path("distanceMeters").asInt());

		Gateway.Reply openNow = gateway.get(publicMap(A) + "/nearest?lat=" + lat + "&lng=" + lng + "&n=2"
				+ "&radiusMeters=5000&openNow=true").send();
		assertThat(openNow.status()).as("%s", openNow).isEqualTo(200);
		assertThat(list(openNow.json())).extracting(c -> c.path("id").asString()).containsExactly(near, far);

		String bbox = (lng - 0.01) + "," + (lat - 0.01) + "," + (lng + 0.01) + "," + (lat + 0.03);
		// as a map SDK asks for it (Gateway.Call always sends Accept: application/json, so plain HttpClient here)
		HttpResponse<String> geo = geoJson(publicMap(A) + "/centers?bbox=" + bbox);
		assertThat(geo.statusCode()).as("%s", geo.body()).isEqualTo(200);
		assertThat(geo.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
		assertThat(geo.headers().firstValue("Cache-Control").orElse("")).contains("max-age=30");
		JsonNode collection = Gateway.JSON.readTree(geo.body());
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		Map<String, JsonNode> features = features(collection);
		assertThat(features).containsOnlyKeys(near, appointment, far);
		JsonNode geometry = features.get(near).path("geometry");
		assertThat(geometry.path("type").asString()).isEqualTo("Point");
		assertThat(geometry.path("coordinates").path(0).asDouble()).isCloseTo(lng, within(1e-9));
		assertThat(geometry.path("coordinates").path(1).asDouble()).isCloseTo(lat + 0.001, within(1e-9));

		Gateway.Reply openGeo = gateway.get(publicMap(A) + "/centers?openNow=true&bbox=" + bbox).send();
		assertThat(openGeo.status()).as("%s", openGeo).isEqualTo(200);
		assertThat(features(openGeo.json())).containsOnlyKeys(near, far);

		// the other district's public map knows nothing of these stations, wherever one looks
		Gateway.Reply other = gateway.get(publicMap(B) + "/nearest?lat=" + lat + "&lng=" + lng + "&n=50"
				+ "&radiusMeters=50000").send();
		assertThat(other.status()).as("%s", other).isEqualTo(200);
		assertThat(list(other.json())).extracting(c -> c.path("id").asString()).doesNotContain(near, appointment, far);
		assertThat(gateway.get("/api/v1/public/" + B + "/centers/" + near).send().status()).isEqualTo(404);
		assertThat(gateway.get("/api/v1/public/" + A + "/centers/" + near).send().status()).isEqualTo(200);
	}

	@Test
	void aResidentBooksARoomAndAnOverlappingSecondBookingIsA409Problem() {
		String staff = platform.tokenFor(A, "COMMUNITY_STAFF");
		String community = DemoTenants.byCode(A).community();
		String centerId = center(staff, "COMPOUND_STATION", "预约测试站" + suffix(), community, 21.800, 111.800,
				allDay());
		Gateway.Reply room = gateway.post("/api/v1/rooms",
				Map.of("centerId", centerId, "name", "活动室", "capacity", 20, "requiresApproval", false))
			.bearer(staff)
			.send();
		assertThat(room.status()).as("%s", room).isEqualTo(201);
		String roomId = room.json().path("id").asString();

		LocalDate day = LocalDate.now(ZONE).plusDays(2);
		String resident = platform.tokenFor(A, "RESIDENT");
		Gateway.Reply booked = book(resident, roomId, day, "10:00", "11:00", "读书会");
		assertThat(booked.status()).as("%s", booked).isEqualTo(201);
		assertThat(booked.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(booked.json().path("bookerSubject").asString()).isEqualTo(A + "-resident");
		String bookingId = booked.json().path("id").asString();

		Gateway.Reply overlapping = book(platform.tokenFor(A, "PARTY_MEMBER"), roomId, day, "10:30", "11:30", "党小组会");
		assertThat(overlapping.status()).as("%s", overlapping).isEqualTo(409);
		assertThat(overlapping.contentType()).startsWith("application/problem+json");
		assertThat(overlapping.json().path("type").asString()).endsWith("booking-conflict");
		assertThat(overlapping.json().path("status").asInt()).isEqualTo(409);

		// [10:00, 11:00) and [11:00, 12:00) touch but do not overlap
		Gateway.Reply adjacent = book(platform.tokenFor(A, "PARTY_MEMBER"), roomId, day, "11:00", "12:00", "党小组会");
		assertThat(adjacent.status()).as("%s", adjacent).isEqualTo(201);

		Gateway.Reply roomBookings = gateway.get("/api/v1/bookings?roomId=" + roomId + "&from=" + q(at(day, "00:00"))
				+ "&to=" + q(at(day.plusDays(1), "00:00"))).bearer(staff).send();
		assertThat(roomBookings.status()).as("%s", roomBookings).isEqualTo(200);
		assertThat(roomBookings.ids()).containsExactlyInAnyOrder(bookingId, adjacent.json().path("id").asString());

		Gateway.Reply own = gateway.get("/api/v1/bookings/" + bookingId).bearer(resident).send();
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().path("purpose").asString()).isEqualTo("读书会");
	}

	@Test
	void coverageCountsTheCompoundsRegisteredInGridService() {
		String admin = platform.tokenFor(A, "TENANT_ADMIN");
		String suffix = suffix();
		// a street of its own, so only this test's compounds are counted
		String street = A + "/" + A + "0" + (70 + (int) (Math.random() * 29));
		String community = street + "/" + street.substring(street.lastIndexOf('/') + 1) + "001";
		// two compounds 2 km apart in a corner of the district with no center yet
		compound(admin, "cov-near-" + suffix, "覆盖测试近小区" + suffix, community, 21.950, 112.150, 1200);
		compound(admin, "cov-far-" + suffix, "覆盖测试远小区" + suffix, community, 21.950, 112.170, 800);

		JsonNode before = coverage(admin, street);
		assertThat(before.path("compounds").asInt()).isEqualTo(2);
		assertThat(before.path("coveredCompounds").asInt()).isZero();
		assertThat(before.path("compoundShare").asDouble()).isZero();
		assertThat(before.path("population").asLong()).isEqualTo(2000);

		// a station ~220 m from the near compound (1 km walking is a 769 m radius), ~2 km from the far one
		center(admin, "COMMUNITY", "覆盖测试站" + suffix, community, 21.952, 112.150, allDay());

		JsonNode after = coverage(admin, street);
		assertThat(after.path("compounds").asInt()).isEqualTo(2);
		assertThat(after.path("coveredCompounds").asInt()).isEqualTo(1);
		assertThat(after.path("compoundShare").asDouble()).isCloseTo(0.5, within(1e-9));
		assertThat(after.path("coveredPopulation").asLong()).isEqualTo(1200);
		assertThat(after.path("populationShare").asDouble()).isCloseTo(0.6, within(1e-9));
		List<JsonNode> uncovered = list(after.path("uncovered"));
		assertThat(uncovered).extracting(u -> u.path("compound").path("name").asString())
			.containsExactly("覆盖测试远小区" + suffix);
		assertThat(uncovered.get(0).path("nearestCenterMeters").asDouble())
			.isCloseTo(haversine(21.950, 112.170, 21.952, 112.150), within(5.0));

		// the other district's analysis of its own territory never sees these compounds, nor may it ask about ours
		JsonNode otherDistrict = coverage(platform.tokenFor(B, "TENANT_ADMIN"), B);
		assertThat(StreamSupport.stream(otherDistrict.path("uncovered").spliterator(), false)
			.map(u -> u.path("compound").path("name").asString())).noneMatch(name -> name.endsWith(suffix));
		Gateway.Reply foreignRegion = gateway.get("/api/v1/coverage?region=" + q(street))
			.bearer(platform.tokenFor(B, "TENANT_ADMIN"))
			.send();
		assertThat(foreignRegion.status()).as("%s", foreignRegion).isEqualTo(400);
		assertThat(foreignRegion.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anotherDistrictSeesNoneOfTheCentersRoomsOrBookings() {
		String staff = platform.tokenFor(A, "COMMUNITY_STAFF");
		String community = DemoTenants.byCode(A).community();
		String centerId = center(staff, "COMPOUND_STATION", "隔离测试站" + suffix(), community, 21.790, 111.790, allDay());
		Gateway.Reply room = gateway.post("/api/v1/rooms", Map.of("centerId", centerId, "name", "会议室", "capacity", 10))
			.bearer(staff)
			.send();
		assertThat(room.status()).as("%s", room).isEqualTo(201);
		String roomId = room.json().path("id").asString();
		Gateway.Reply booking = book(platform.tokenFor(A, "RESIDENT"), roomId, LocalDate.now(ZONE).plusDays(3), "09:00",
				"10:00", "隔离测试");
		assertThat(booking.status()).as("%s", booking).isEqualTo(201);
		String bookingId = booking.json().path("id").asString();

		String adminB = platform.tokenFor(B, "TENANT_ADMIN");
		assertThat(gateway.get(CENTERS + "/" + centerId).bearer(adminB).send().status()).isEqualTo(404);
		assertThat(allIds(adminB, CENTERS + "?limit=100")).isNotEmpty().doesNotContain(centerId);
		assertThat(gateway.get("/api/v1/rooms/" + roomId).bearer(adminB).send().status()).isEqualTo(404);
		assertThat(gateway.get("/api/v1/bookings/" + bookingId).bearer(adminB).send().status()).isEqualTo(404);
		assertThat(gateway.get("/api/v1/bookings?roomId=" + roomId).bearer(adminB).send().status()).isEqualTo(404);
		// B's resident cannot book A's room: it does not exist for them
		Gateway.Reply foreignBooking = book(platform.tokenFor(B, "RESIDENT"), roomId, LocalDate.now(ZONE).plusDays(4),
				"09:00", "10:00", "越界预约");
		assertThat(foreignBooking.status()).as("%s", foreignBooking).isEqualTo(404);
		assertThat(foreignBooking.contentType()).startsWith("application/problem+json");
		// nor may B's staff change A's center
		Gateway.Reply change = gateway.patch(CENTERS + "/" + centerId, Map.of("name", "被篡改"))
			.bearer(adminB)
			.header("If-Match", "\"0\"")
			.send();
		assertThat(change.status()).as("%s", change).isEqualTo(404);

		Gateway.Reply asA = gateway.get(CENTERS + "/" + centerId).bearer(platform.tokenFor(A, "TENANT_ADMIN")).send();
		assertThat(asA.status()).isEqualTo(200);
		assertThat(asA.json().path("name").asString()).startsWith("隔离测试站");
	}

	private String center(String token, String level, String name, String region, double lat, double lng,
			Map<String, Object> hours) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("level", level);
		body.put("name", name);
		body.put("region", region);
		body.put("address", "测试路" + Math.abs(name.hashCode() % 100) + "号");
		body.put("location", Map.of("lat", lat, "lng", lng));
		body.put("serviceItems", List.of("legal-consultation"));
		body.put("openingHours", hours);
		Gateway.Reply created = gateway.post(CENTERS, body).bearer(token).send();
		assertThat(created.status()).as("create center %s: %s", name, created).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private void compound(String token, String code, String name, String region, double lat, double lng,
			int population) {
		Gateway.Reply created = gateway.post("/api/v1/compounds", Map.of("code", code, "name", name, "region", region,
				"location", Map.of("lat", lat, "lng", lng), "population", population)).bearer(token).send();
		assertThat(created.status()).as("create compound %s: %s", name, created).isEqualTo(201);
	}

	private JsonNode coverage(String token, String region) {
		Gateway.Reply reply = gateway.get("/api/v1/coverage?walkMeters=1000&region=" + q(region)).bearer(token).send();
		assertThat(reply.status()).as("coverage of %s: %s", region, reply).isEqualTo(200);
		return reply.json();
	}

	private Gateway.Reply book(String token, String roomId, LocalDate day, String from, String to, String purpose) {
		return gateway.post("/api/v1/bookings", Map.of("roomId", roomId, "startsAt", at(day, from), "endsAt",
				at(day, to), "purpose", purpose)).bearer(token).send();
	}

	/** Id, status and version of every center-service record the demo data makes, per tenant. */
	private Map<String, List<String>> demoSnapshot() {
		Map<String, List<String>> snapshot = new LinkedHashMap<>();
		for (var tenant : DemoTenants.all()) {
			String admin = platform.tokenFor(tenant.code(), "TENANT_ADMIN");
			String code = tenant.code();
			List<JsonNode> centers = all(admin, CENTERS + "?limit=100");
			snapshot.put(code + " centers", states(centers));
			List<String> rooms = new ArrayList<>();
			List<String> bookings = new ArrayList<>();
			List<String> shifts = new ArrayList<>();
			List<String> activities = new ArrayList<>();
			for (JsonNode center : centers) {
				String centerId = center.path("id").asString();
				List<JsonNode> centerRooms = list(gateway.get("/api/v1/rooms?centerId=" + centerId).bearer(admin).send()
					.json());
				rooms.addAll(states(centerRooms));
				for (JsonNode room : centerRooms) {
					bookings.addAll(states(all(admin, "/api/v1/bookings?limit=100&roomId=" + room.path("id").asString())));
				}
				shifts.addAll(states(list(gateway.get("/api/v1/rosters?centerId=" + centerId).bearer(admin).send()
					.json())));
				for (JsonNode activity : all(admin, "/api/v1/activities?limit=100&centerId=" + centerId)) {
					activities.add(activity.path("id").asString() + " " + activity.path("version").asString() + " "
							+ activity.path("confirmedCount").asInt() + "/" + activity.path("waitlistCount").asInt());
				}
			}
			snapshot.put(code + " rooms", sorted(rooms));
			snapshot.put(code + " bookings", sorted(bookings));
			snapshot.put(code + " shifts", sorted(shifts));
			snapshot.put(code + " activities", sorted(activities));
			snapshot.put(code + " evaluations", states(all(admin, "/api/v1/star-evaluations?limit=100")));
			snapshot.put(code + " upgrade tasks", states(all(admin, "/api/v1/upgrade-tasks?limit=100")));
			snapshot.put(code + " standards",
					states(list(gateway.get("/api/v1/standards").bearer(admin).send().json())));
			snapshot.put(code + " rubrics",
					states(list(gateway.get("/api/v1/standards/rubrics").bearer(admin).send().json())));
		}
		return snapshot;
	}

	private static List<String> states(List<JsonNode> records) {
		return sorted(records.stream()
			.map(r -> r.path("id").asString() + " " + r.path("status").asString("") + " "
					+ r.path("version").asString(""))
			.toList());
	}

	private static List<String> sorted(List<String> values) {
		return values.stream().sorted().toList();
	}

	private static JsonNode only(List<JsonNode> records, java.util.function.Predicate<JsonNode> filter) {
		List<JsonNode> matching = records.stream().filter(filter).toList();
		assertThat(matching).as("exactly one demo record").hasSize(1);
		return matching.get(0);
	}

	/** Every item of a cursor-paginated list ({@code path} has a query string). */
	private List<JsonNode> all(String token, String path) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			Gateway.Reply page = gateway.get(cursor == null ? path : path + "&cursor=" + q(cursor)).bearer(token).send();
			assertThat(page.status()).as("GET %s: %s", path, page).isEqualTo(200);
			page.json().path("items").forEach(items::add);
			JsonNode next = page.json().path("nextCursor");
			cursor = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
		}
		while (cursor != null);
		return items;
	}

	private List<String> allIds(String token, String path) {
		return all(token, path).stream().map(item -> item.path("id").asString()).toList();
	}

	private HttpResponse<String> geoJson(String path) {
		HttpRequest request = HttpRequest.newBuilder(platform.gatewayUrl().resolve(path))
			.header("Accept", "application/geo+json")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> allDay() {
		return Map.of("mode", "ALL_YEAR", "daily", List.of(Map.of("opens", "00:00", "closes", "24:00")));
	}

	private static Map<String, Object> appointmentOnly() {
		return Map.of("mode", "APPOINTMENT_ONLY", "byAppointment", true);
	}

	private static String publicMap(String tenant) {
		return "/api/v1/public/" + tenant + "/map";
	}

	private static List<JsonNode> list(JsonNode array) {
		assertThat(array.isArray()).as("a JSON array: %s", array).isTrue();
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static Map<String, JsonNode> features(JsonNode collection) {
		Map<String, JsonNode> byId = new LinkedHashMap<>();
		for (JsonNode feature : collection.path("features")) {
			byId.put(feature.path("id").asString(), feature);
		}
		return byId;
	}

	private static String at(LocalDate day, String time) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.of(day, LocalTime.parse(time), ZONE));
	}

	/** Great-circle distance in metres, as center-service computes it (mean earth radius). */
	private static double haversine(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
