package org.grassroots.launcher.e2e;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.grassroots.launcher.LocalPlatform;
import org.grassroots.launcher.demo.DemoTenant;
import org.grassroots.launcher.demo.DemoTenants;
import org.grassroots.launcher.seed.GatewayApi;
import org.grassroots.launcher.seed.Seeder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.VOLUNTEERS;

/** The demo a developer gets: credentials file, working clients for every role, seeded records. */
@Order(0)
@ExtendWith(PlatformExtension.class)
class SeedingIT {

	private final LocalPlatform platform;

	private final Gateway gateway;

	SeedingIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void theCredentialsFileNamesTheGatewayIssuerTenantsAndAClientPerRole() throws Exception {
		Path file = platform.dataDirectory().resolve("local-credentials.json");
		JsonNode json = Gateway.JSON.readTree(Files.readString(file));

		assertThat(json.path("gateway").asString()).isEqualTo(platform.gatewayUrl().toString());
		assertThat(json.path("issuer").asString()).isEqualTo(platform.issuerUrl().toString());
		assertThat(json.path("tenants")).hasSize(2);
		for (JsonNode tenant : json.path("tenants")) {
			assertThat(tenant.path("code").asString()).matches("\\d{6}");
			assertThat(tenant.path("name").asString()).isNotBlank();
			assertThat(tenant.path("apiKey").asString()).isNotBlank();
			assertThat(tenant.path("clients")).hasSize(DemoTenants.ROLES.size());
			for (JsonNode client : tenant.path("clients")) {
				assertThat(client.path("clientId").asString()).isNotBlank();
				assertThat(client.path("clientSecret").asString()).isNotBlank();
				assertThat(client.path("roles").isArray()).isTrue();
			}
		}
	}

	@Test
	void everyDemoTenantExistsAtTheGatewayAndHasItsDemoVolunteers() {
		String operator = platform.operatorToken();
		for (var tenant : DemoTenants.all()) {
			Gateway.Reply reply = gateway.get("/api/v1/platform/tenants/" + tenant.code()).bearer(operator).send();
			assertThat(reply.status()).as("%s", reply).isEqualTo(200);
			assertThat(reply.json().path("name").asString()).isEqualTo(tenant.name());

			Gateway.Reply volunteers = gateway.get(VOLUNTEERS + "?limit=100")
				.bearer(platform.tokenFor(tenant.code(), "TENANT_ADMIN"))
				.send();
			assertThat(volunteers.status()).isEqualTo(200);
			assertThat(volunteers.ids()).hasSizeGreaterThanOrEqualTo(3);
		}
	}

	// ---- grid-service -------------------------------------------------------------------------------------

	@Test
	void everyDemoTenantHasTwoGridsInItsDemoCommunityStaffedByTheDemoGridWorker() {
		for (DemoTenant tenant : DemoTenants.all()) {
			String worker = platform.tokenFor(tenant.code(), "GRID_WORKER");
			String first = communityCode(tenant) + "-G01";
			String second = communityCode(tenant) + "-G02";
			Gateway.Reply mine = gateway.get("/api/v1/grids/mine").bearer(worker).send();
			assertThat(mine.status()).as("%s", mine).isEqualTo(200);
			assertThat(codes(mine.json())).as("grids of %s", tenant.code()).containsExactlyInAnyOrder(first, second);
			for (JsonNode grid : mine.json()) {
				assertThat(grid.path("level").asString()).isEqualTo("GRID");
				assertThat(grid.path("region").asString()).isEqualTo(tenant.community() + "/" + grid.path("code").asString());
			}

			Gateway.Reply units = gateway.get("/api/v1/grids?limit=100&region=" + tenant.street())
				.bearer(platform.tokenFor(tenant.code(), "TENANT_ADMIN"))
				.send();
			assertThat(units.status()).as("%s", units).isEqualTo(200);
			Map<String, JsonNode> byCode = byField(units.json().path("items"), "code");
			String street = tenant.street().substring(tenant.street().lastIndexOf('/') + 1);
			String community = tenant.community().substring(tenant.community().lastIndexOf('/') + 1);
			assertThat(byCode).containsKeys(street, community, first, second);
			assertThat(byCode.get(street).path("level").asString()).isEqualTo("STREET");
			assertThat(byCode.get(community).path("region").asString()).isEqualTo(tenant.community());

			Gateway.Reply grid = gateway.get("/api/v1/grids/" + byCode.get(first).path("id").asString())
				.bearer(platform.tokenFor(tenant.code(), "COMMUNITY_STAFF"))
				.send();
			assertThat(grid.status()).as("%s", grid).isEqualTo(200);
			assertThat(grid.json().path("geometry").path("type").asString()).isEqualTo("Polygon");
			assertThat(staff(grid.json())).containsEntry(tenant.client("GRID_WORKER").clientId(), "WORKER")
				.containsEntry(tenant.client("COMMUNITY_STAFF").clientId(), "HEAD")
				.containsEntry(tenant.client("STREET_STAFF").clientId(), "INSTRUCTOR");

			// the demo compound's centre lies in the first grid
			double[] compound = COMPOUND_CENTRES.get(tenant.code());
			Gateway.Reply located = gateway.get("/api/v1/grids/locate?lat=" + compound[0] + "&lng=" + compound[1])
				.bearer(platform.tokenFor(tenant.code(), "RESIDENT"))
				.send();
			assertThat(located.status()).as("%s", located).isEqualTo(200);
			assertThat(located.json().path("grid").path("code").asString()).isEqualTo(first);
		}
	}

	@Test
	void everyDemoTenantHasACompoundWithPopulationAndThreeHouseholdsWithCareTagsAndMaskedResidents() {
		for (DemoTenant tenant : DemoTenants.all()) {
			String staff = platform.tokenFor(tenant.code(), "COMMUNITY_STAFF");
			Gateway.Reply compounds = gateway.get("/api/v1/compounds?limit=100&region=" + tenant.community())
				.bearer(platform.tokenFor(tenant.code(), "RESIDENT"))
				.send();
			assertThat(compounds.status()).as("%s", compounds).isEqualTo(200);
			List<JsonNode> demoCompounds = StreamSupport.stream(compounds.json().path("items").spliterator(), false)
				.filter(c -> c.path("population").asInt() == 1860)
				.toList();
			assertThat(demoCompounds).hasSize(1);
			JsonNode compound = demoCompounds.get(0);
			assertThat(compound.path("location").path("lat").asDouble())
				.isCloseTo(COMPOUND_CENTRES.get(tenant.code())[0], org.assertj.core.data.Offset.offset(1e-6));

			Map<String, JsonNode> households = byField(all("/api/v1/households", staff), "code");
			String community = tenant.community().substring(tenant.community().lastIndexOf('/') + 1);
			assertThat(households).containsKeys(community + "-0001", community + "-0002", community + "-0003");
			assertThat(texts(households.get(community + "-0001").path("careTags"))).containsExactly("ELDERLY_ALONE");
			assertThat(texts(households.get(community + "-0003").path("careTags"))).containsExactly("RENTAL");
			assertThat(households.get(community + "-0001").path("buildingId").asString()).isNotBlank();

			Gateway.Reply elderly = gateway.get("/api/v1/households?careTag=ELDERLY_ALONE").bearer(staff).send();
			assertThat(codes(elderly.json().path("items"))).containsExactly(community + "-0001");

			Gateway.Reply details = gateway
				.get("/api/v1/households/" + households.get(community + "-0002").path("id").asString() + "/details")
				.bearer(staff)
				.send();
			assertThat(details.status()).as("%s", details).isEqualTo(200);
			assertThat(texts(details.json().path("careTags"))).containsExactlyInAnyOrder("LOW_INCOME", "DISABILITY");
			JsonNode residents = details.json().path("residents");
			assertThat(residents).hasSize(3);
			for (JsonNode resident : residents) {
				// masked: the region digits and the last four, never the birth date
				assertThat(resident.path("idNumber").asString()).startsWith(tenant.code().substring(0, 4)).contains("*");
			}
			assertThat(details.json().path("address").asString()).contains("*");
		}
	}

	@Test
	void everyDemoTenantHasCasesInEveryStateOfTheClosedLoopAndOneReopened() {
		for (DemoTenant tenant : DemoTenants.all()) {
			List<JsonNode> cases = all("/api/v1/cases", platform.tokenFor(tenant.code(), "COMMUNITY_STAFF"));
			Map<String, Integer> byStatus = new LinkedHashMap<>();
			cases.forEach(c -> byStatus.merge(c.path("status").asString(), 1, Integer::sum));
			assertThat(byStatus).as("cases of %s by status", tenant.code())
				.containsKeys("REPORTED", "ACCEPTED", "DISPATCHED", "RESOLVED", "FEEDBACK", "EVALUATED", "CLOSED");
			// one accepted for the first time, one back there after a poor rating
			assertThat(byStatus.get("ACCEPTED")).isGreaterThanOrEqualTo(2);
			JsonNode reopened = cases.stream().filter(c -> c.path("reopenCount").asInt() == 1).findFirst().orElseThrow();
			assertThat(reopened.path("status").asString()).isEqualTo("ACCEPTED");
			JsonNode closed = cases.stream().filter(c -> c.path("status").asString().equals("CLOSED")).findFirst()
				.orElseThrow();
			assertThat(closed.path("rating").asInt()).isBetween(1, 5);
			assertThat(closed.path("gridId").asString()).isNotBlank();

			// the demo resident reported all but the hotline case, and sees their own
			List<JsonNode> own = all("/api/v1/cases", platform.tokenFor(tenant.code(), "RESIDENT"));
			assertThat(own).hasSizeGreaterThanOrEqualTo(7)
				.allSatisfy(c -> assertThat(c.path("reporter").path("subject").asString())
					.isEqualTo(tenant.client("RESIDENT").clientId()));
			assertThat(all("/api/v1/cases?mine=assigned", platform.tokenFor(tenant.code(), "GRID_WORKER")))
				.isNotEmpty();

			Gateway.Reply timeline = gateway.get("/api/v1/cases/" + reopened.path("id").asString() + "/timeline")
				.bearer(platform.tokenFor(tenant.code(), "COMMUNITY_STAFF"))
				.send();
			assertThat(StreamSupport.stream(timeline.json().spliterator(), false).map(e -> e.path("type").asString()))
				.contains("REPORTED", "ACCEPTED", "DISPATCHED", "RESOLVED", "FEEDBACK", "EVALUATED", "REOPENED");
		}
	}

	// ---- member-service -----------------------------------------------------------------------------------

	@Test
	void everyDemoTenantHasItsPartyOrganizationsMembersCentralHouseholdTrainingAndVisit() throws InterruptedException {
		for (DemoTenant tenant : DemoTenants.all()) {
			String admin = platform.tokenFor(tenant.code(), "TENANT_ADMIN");
			String staff = platform.tokenFor(tenant.code(), "COMMUNITY_STAFF");
			String member = platform.tokenFor(tenant.code(), "PARTY_MEMBER");

			// the demo tree: district → street → community committee → grid branch (other suites add their own)
			List<JsonNode> organizations = all("/api/v1/party-organizations", admin);
			JsonNode district = child(organizations, null, tenant.code());
			assertThat(district.path("level").asString()).isEqualTo("COMMITTEE");
			JsonNode street = child(organizations, district, tenant.street());
			assertThat(street.path("level").asString()).isEqualTo("COMMITTEE");
			JsonNode community = child(organizations, street, tenant.community());
			assertThat(community.path("level").asString()).isEqualTo("COMMITTEE");
			assertThat(community.path("contactPhone").asString()).isNotBlank();
			String firstGrid = communityCode(tenant) + "-G01";
			JsonNode branch = child(organizations, community, tenant.community() + "/" + firstGrid);
			assertThat(branch.path("level").asString()).isEqualTo("BRANCH");
			assertThat(branch.path("category").asString()).isEqualTo("GRID");
			// and grid-service's grid names the branch back
			Gateway.Reply grid = gateway.get("/api/v1/grids/" + branch.path("gridId").asString()).bearer(staff).send();
			assertThat(grid.json().path("code").asString()).isEqualTo(firstGrid);
			assertThat(grid.json().path("partyBranchId").asString()).isEqualTo(branch.path("id").asString());

			Gateway.Reply me = gateway.get("/api/v1/party-members/me").bearer(member).send();
			assertThat(me.status()).as("%s", me).isEqualTo(200);
			assertThat(me.json().path("accountSubject").asString()).isEqualTo(tenant.client("PARTY_MEMBER").clientId());
			assertThat(me.json().path("organizationId").asString()).isEqualTo(branch.path("id").asString());
			assertThat(me.json().path("idNumber").asString()).contains("*");
			for (String idNumber : MEMBER_ID_NUMBERS.get(tenant.code())) {
				Gateway.Reply found = gateway.post("/api/v1/party-members/lookup", Map.of("idNumber", idNumber))
					.bearer(staff)
					.send();
				assertThat(found.status()).as("%s", found).isEqualTo(200);
			}

			Gateway.Reply centralHousehold = gateway.get("/api/v1/central-households/me").bearer(member).send();
			assertThat(centralHousehold.status()).as("%s", centralHousehold).isEqualTo(200);
			assertThat(texts(centralHousehold.json().path("roles"))).containsExactlyInAnyOrder("POLICY_PROMOTER",
					"OPINION_COLLECTOR");
			assertThat(centralHousehold.json().path("householdCount").asInt()).isEqualTo(2);
			String centralHouseholdId = centralHousehold.json().path("id").asString();

			// linked: the first two demo households, as grid-service knows them
			String code = tenant.community().substring(tenant.community().lastIndexOf('/') + 1);
			Map<String, JsonNode> households = byField(all("/api/v1/households", staff), "code");
			for (String household : List.of(code + "-0001", code + "-0002")) {
				Gateway.Reply serving = gateway
					.get("/api/v1/central-households/for-household/" + households.get(household).path("id").asString())
					.bearer(platform.tokenFor(tenant.code(), "RESIDENT"))
					.send();
				assertThat(serving.status()).as("%s", serving).isEqualTo(200);
				assertThat(serving.json().path("centralHouseholdId").asString()).isEqualTo(centralHouseholdId);
			}

			List<JsonNode> trainings = all("/api/v1/trainings?region=" + tenant.community(), staff);
			assertThat(trainings).hasSize(1);
			assertThat(trainings.get(0).path("attendance").asInt()).isEqualTo(2);

			List<JsonNode> visits = all("/api/v1/work-logs?kind=VISIT&centralHouseholdId=" + centralHouseholdId, member);
			assertThat(visits).hasSize(1);
			assertThat(texts(visits.get(0).path("householdIds")))
				.containsExactly(households.get(code + "-0001").path("id").asString());
			assertThat(visits.get(0).path("recordedBy").asString()).isEqualTo(tenant.client("PARTY_MEMBER").clientId());

			// the demo cases are seeded after the central household: the closed one about household -0001 had it as
			// helper, and its case.closed event credited it (asynchronously, through the event stream)
			List<JsonNode> help = List.of();
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
			while (help.isEmpty() && System.nanoTime() < deadline) {
				help = all("/api/v1/work-logs?kind=CASE_HELP&centralHouseholdId=" + centralHouseholdId, member);
				if (help.isEmpty()) {
					Thread.sleep(500);
				}
			}
			assertThat(help).as("case-help work log of %s", tenant.code()).hasSize(1);
			assertThat(help.get(0).path("caseId").asString()).isNotBlank();
		}
	}

	// ---- restarting ---------------------------------------------------------------------------------------

	/** What a second start does: seed again over the same data. Nothing is created, nothing changes version. */
	@Test
	void seedingAgainCreatesAndChangesNothing() {
		Map<String, List<String>> before = snapshot();
		assertThat(before.values()).allSatisfy(records -> assertThat(records).isNotEmpty());

		new Seeder(new GatewayApi(platform.gatewayUrl(), HttpClient.newHttpClient()), platform::tokenFor,
				Seeder.allDemoData())
			.seed(platform.credentials());

		assertThat(snapshot()).isEqualTo(before);
	}

	/** Per tenant and kind of record: id, state and version of every demo record, as the tenant admin sees them. */
	private Map<String, List<String>> snapshot() {
		Map<String, List<String>> snapshot = new LinkedHashMap<>();
		for (DemoTenant tenant : DemoTenants.all()) {
			String admin = platform.tokenFor(tenant.code(), "TENANT_ADMIN");
			String member = platform.tokenFor(tenant.code(), "PARTY_MEMBER");
			snapshot.put(tenant.code() + " grids", states(all("/api/v1/grids?region=" + tenant.street(), admin)));
			snapshot.put(tenant.code() + " compounds", states(all("/api/v1/compounds?region=" + tenant.community(), admin)));
			snapshot.put(tenant.code() + " buildings", states(all("/api/v1/buildings", admin)));
			List<JsonNode> households = all("/api/v1/households", admin);
			snapshot.put(tenant.code() + " households", states(households));
			List<String> residents = new ArrayList<>();
			for (JsonNode household : households) {
				Gateway.Reply details = gateway.get("/api/v1/households/" + household.path("id").asString() + "/details")
					.bearer(admin)
					.send();
				residents.addAll(states(StreamSupport.stream(details.json().path("residents").spliterator(), false).toList()));
			}
			snapshot.put(tenant.code() + " residents", residents);
			snapshot.put(tenant.code() + " cases", states(all("/api/v1/cases", admin)));
			snapshot.put(tenant.code() + " organizations", states(all("/api/v1/party-organizations", admin)));
			snapshot.put(tenant.code() + " members", states(all("/api/v1/party-members", admin)));
			snapshot.put(tenant.code() + " central households", states(all("/api/v1/central-households", admin)));
			List<JsonNode> trainings = all("/api/v1/trainings", admin);
			snapshot.put(tenant.code() + " trainings",
					trainings.stream().map(t -> t.path("id").asString() + " " + t.path("attendance").asInt()).toList());
			snapshot.put(tenant.code() + " work logs", states(all("/api/v1/work-logs", admin)));
		}
		return snapshot;
	}

	private static List<String> states(List<JsonNode> records) {
		return records.stream()
			.map(r -> r.path("id").asString() + " " + r.path("status").asString("") + " " + r.path("version").asString(""))
			.sorted()
			.toList();
	}

	/** Every item of a list, following its cursor. */
	private List<JsonNode> all(String path, String token) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			String url = path + (path.contains("?") ? "&" : "?") + "limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
			Gateway.Reply page = gateway.get(url).bearer(token).send();
			assertThat(page.status()).as("GET %s: %s", url, page).isEqualTo(200);
			page.json().path("items").forEach(items::add);
			JsonNode next = page.json().path("nextCursor");
			cursor = next.isString() && !next.stringValue().isEmpty() ? next.stringValue() : null;
		}
		while (cursor != null);
		return items;
	}

	/** The demo community's own code, the last part of its path. */
	private static String communityCode(DemoTenant tenant) {
		return tenant.community().substring(tenant.community().lastIndexOf('/') + 1);
	}

	/** The one organization of the region under that parent ({@code null}: a root). */
	private static JsonNode child(List<JsonNode> organizations, JsonNode parent, String region) {
		List<JsonNode> found = organizations.stream()
			.filter(o -> o.path("region").asString().equals(region))
			.filter(o -> parent == null ? !o.path("parentId").isString()
					: o.path("parentId").asString().equals(parent.path("id").asString()))
			.toList();
		assertThat(found).as("organizations of %s", region).hasSize(1);
		return found.get(0);
	}

	private static Map<String, JsonNode> byField(Iterable<JsonNode> items, String field) {
		Map<String, JsonNode> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(item.path(field).asString(), item));
		return map;
	}

	private static List<String> codes(JsonNode items) {
		return StreamSupport.stream(items.spliterator(), false).map(i -> i.path("code").asString()).toList();
	}

	private static List<String> texts(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

	private static Map<String, String> staff(JsonNode grid) {
		Map<String, String> roles = new LinkedHashMap<>();
		grid.path("staff").forEach(s -> roles.put(s.path("subject").asString(), s.path("role").asString()));
		return roles;
	}

	/** The centres of the demo compounds (inside the first grid of each demo community). */
	private static final Map<String, double[]> COMPOUND_CENTRES = Map.of("441702", new double[] { 21.8598, 111.9772 },
			"340202", new double[] { 31.3498, 118.3772 });

	/** The demo party members' ID numbers, as the brief fixed them. */
	private static final Map<String, List<String>> MEMBER_ID_NUMBERS = Map.of("441702",
			List.of("441702198001010017", "441702198506150023"), "340202",
			List.of("340202197903020015", "340202198809110027"));

}
