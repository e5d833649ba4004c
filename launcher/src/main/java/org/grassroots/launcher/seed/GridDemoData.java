package org.grassroots.launcher.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.launcher.LauncherException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.grassroots.launcher.seed.SeedCalls.query;
import static org.grassroots.launcher.seed.SeedCalls.require;
import static org.grassroots.launcher.seed.SeedCalls.text;

/**
 * Demo data of grid-service, per demo tenant: the demo street and community with two staffed grids
 * ({@link DemoArea}), a compound with its population, a building, three households with care tags and residents,
 * and eight cases driven through the closed loop so that every state is there (one of them reopened after a poor
 * rating).
 *
 * <p>
 * Idempotent by codes: grid units, the compound, the building and the households are looked up by their codes
 * (households are imported, which upserts by code anyway); cases carry an {@code externalId}, which makes grid-service
 * answer a repeated report with the existing case, and each case is only moved forward from the state it is in. A
 * second run creates nothing; a run interrupted half-way is completed by the next one.
 */
final class GridDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(GridDemoData.class);

	static final String GRIDS = "/api/v1/grids";

	static final String COMPOUNDS = "/api/v1/compounds";

	static final String BUILDINGS = "/api/v1/buildings";

	static final String HOUSEHOLDS = "/api/v1/households";

	static final String CASES = "/api/v1/cases";

	/** Residents of the compound: 1860 people, which center-service's coverage analysis counts. */
	static final int COMPOUND_POPULATION = 1860;

	/** Made-up residents; ID numbers carry a correct GB 11643 check character, phones are invented. */
	private static final Map<String, List<DemoHousehold>> HOUSEHOLDS_BY_TENANT = Map.of("441702", List.of(
			new DemoHousehold(1, DemoArea.FIRST_GRID, true, "1栋101房", List.of("ELDERLY_ALONE"),
					List.of(new Person("陈伯荣", "HEAD", "441702194208150035", "13902621201", List.of("ELDERLY_ALONE")))),
			new DemoHousehold(2, DemoArea.FIRST_GRID, true, "1栋502房", List.of("LOW_INCOME", "DISABILITY"),
					List.of(new Person("林卫东", "HEAD", "441702197504220054", "13902621202", List.of("LOW_INCOME")),
							new Person("吴秀兰", "SPOUSE", "441702197711030069", null, List.of("DISABILITY")),
							new Person("林佳怡", "CHILD", "441702200906180029", null, List.of()))),
			new DemoHousehold(3, DemoArea.SECOND_GRID, false, null, List.of("RENTAL"),
					List.of(new Person("赵晓峰", "HEAD", "44170219920309003X", "13902621203", List.of()),
							new Person("周敏", "SPOUSE", "441702199412010040", null, List.of())))),
			"340202", List.of(
					new DemoHousehold(1, DemoArea.FIRST_GRID, true, "1栋102室", List.of("ELDERLY_ALONE"),
							List.of(new Person("钱桂英", "HEAD", "340202194001260024", "13905531201",
									List.of("ELDERLY_ALONE")))),
					new DemoHousehold(2, DemoArea.FIRST_GRID, true, "1栋603室", List.of("LOW_INCOME", "DISABILITY"),
							List.of(new Person("孙志刚", "HEAD", "340202197209140017", "13905531202", List.of("LOW_INCOME")),
									new Person("郑美华", "SPOUSE", "340202197405300049", null, List.of("DISABILITY")),
									new Person("孙浩", "CHILD", "340202200610080051", null, List.of()))),
					new DemoHousehold(3, DemoArea.SECOND_GRID, false, null, List.of("RENTAL"),
							List.of(new Person("马俊杰", "HEAD", "340202199507210078", "13905531203", List.of()),
									new Person("何静", "SPOUSE", "340202199602110083", null, List.of())))));

	/** The phone of the made-up hotline caller (a hotline case keeps it protected, like residents' phones). */
	private static final Map<String, String> HOTLINE_CALLERS = Map.of("441702", "13902621299", "340202",
			"13905531299");

	/**
	 * Which half this seeds: the area (grids, compound, building, households), or the cases, which run after
	 * member-service's demo data so that dispatching a case about a linked household finds its central household
	 * as a helper (and closing it credits that central household's work log), as it would in a live district.
	 */
	enum Part {

		AREA, CASES

	}

	private final Part part;

	GridDemoData(Part part) {
		this.part = part;
	}

	@Override
	public String describe() {
		return part == Part.AREA ? "grids, compounds and households" : "cases";
	}

	@Override
	public void seed(TenantSession session) {
		String tenant = session.tenant().code();
		DemoArea area = DemoArea.of(session.tenant());
		List<String> created = new ArrayList<>();
		TenantSession.Caller admin = session.as("TENANT_ADMIN");
		if (part == Part.AREA) {
			Map<String, String> gridIds = seedGrids(session, area, created);
			if (gridIds == null) {
				return;
			}
			String compoundId = seedCompound(admin, area, created);
			String buildingId = seedBuilding(admin, area, gridIds.get(area.gridCode(DemoArea.FIRST_GRID)), compoundId,
					created);
			if (buildingId != null) {
				seedHouseholds(admin, area, gridIds, created);
			}
		}
		else {
			seedCases(session, area, householdIds(admin, area, unitIds(admin, area)), created);
		}
		if (created.isEmpty()) {
			log.info("Grid demo {} of tenant {} already present: nothing created", describe(), tenant);
		}
		else {
			log.info("Grid demo {} of tenant {}: created {}", describe(), tenant, String.join(", ", created));
		}
	}

	// ---- street, community, grids -------------------------------------------------------------------------

	/**
	 * The four units by code → id, importing the ones missing as one GeoJSON FeatureCollection (parents first in the
	 * same request). Units that exist are left alone, so a party branch member-service's demo data set on a grid stays.
	 *
	 * @return {@code null} when grid-service has no grid API
	 */
	private Map<String, String> seedGrids(TenantSession session, DemoArea area, List<String> created) {
		String tenant = session.tenant().code();
		TenantSession.Caller admin = session.as("TENANT_ADMIN");
		// the street alone, then the community with its grids: never more of the district than that
		Optional<List<JsonNode>> street = SeedCalls.all(admin,
				GRIDS + "?level=STREET&region=" + query(session.tenant().street()));
		if (street.isEmpty()) {
			log.info("grid-service has no {} yet: no demo grids, households or cases for tenant {}", GRIDS, tenant);
			return null;
		}
		List<JsonNode> listed = new ArrayList<>(street.get());
		listed.addAll(SeedCalls.all(admin, GRIDS + "?region=" + query(session.tenant().community())).orElse(List.of()));
		Map<String, String> ids = new LinkedHashMap<>();
		listed.forEach(unit -> ids.put(text(unit.path("code")), text(unit.path("id"))));
		List<Map<String, Object>> features = new ArrayList<>();
		for (Map<String, Object> feature : features(session, area)) {
			@SuppressWarnings("unchecked")
			Map<String, Object> properties = (Map<String, Object>) feature.get("properties");
			if (!ids.containsKey((String) properties.get("code"))) {
				features.add(feature);
			}
		}
		if (features.isEmpty()) {
			return ids;
		}
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("features", features);
		JsonNode result = require(admin.post(GRIDS + "/import", collection), "import the demo grids of " + tenant);
		for (JsonNode item : result.path("items")) {
			ids.put(text(item.path("code")), text(item.path("id")));
		}
		created.add(result.path("created").asInt() + " grid units");
		return ids;
	}

	/** The import feature of one demo unit, as this class first imports it. */
	static Map<String, Object> gridFeature(TenantSession session, DemoArea area, String code) {
		return features(session, area).stream()
			.filter(f -> code.equals(((Map<?, ?>) f.get("properties")).get("code")))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo unit " + code));
	}

	private static List<Map<String, Object>> features(TenantSession session, DemoArea area) {
		List<Map<String, Object>> staff = List.of(
				staffMember(session.tenant().client("COMMUNITY_STAFF").clientId(), area.staff().head(), "HEAD"),
				staffMember(session.tenant().client("STREET_STAFF").clientId(), area.staff().instructor(),
						"INSTRUCTOR"),
				staffMember(session.tenant().client("GRID_WORKER").clientId(), area.staff().worker(), "WORKER"));
		return List.of(feature(area.streetCode(), area.streetName(), "STREET", null, null, null),
				feature(area.communityCode(), area.communityName(), "COMMUNITY", area.streetCode(),
						area.communityBoundary(), null),
				feature(area.gridCode(DemoArea.FIRST_GRID), area.gridName(DemoArea.FIRST_GRID), "GRID",
						area.communityCode(),
						area.gridBoundary(DemoArea.FIRST_GRID), staff),
				feature(area.gridCode(DemoArea.SECOND_GRID), area.gridName(DemoArea.SECOND_GRID), "GRID",
						area.communityCode(),
						area.gridBoundary(DemoArea.SECOND_GRID), staff));
	}

	private static Map<String, Object> feature(String code, String name, String level, String parentCode,
			Map<String, Object> geometry, List<Map<String, Object>> staff) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", code);
		properties.put("name", name);
		properties.put("level", level);
		if (parentCode != null) {
			properties.put("parentCode", parentCode);
		}
		if (staff != null) {
			properties.put("staff", staff);
		}
		Map<String, Object> feature = new LinkedHashMap<>();
		feature.put("type", "Feature");
		feature.put("properties", properties);
		feature.put("geometry", geometry);
		return feature;
	}

	private static Map<String, Object> staffMember(String subject, String name, String role) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("subject", subject);
		member.put("name", name);
		member.put("role", role);
		return member;
	}

	// ---- compound and building ----------------------------------------------------------------------------

	/** @return the compound's id, {@code null} when grid-service has no compound API */
	private String seedCompound(TenantSession.Caller admin, DemoArea area, List<String> created) {
		String community = area.tenant().community();
		Optional<List<JsonNode>> listed = SeedCalls.all(admin, COMPOUNDS + "?region=" + query(community));
		if (listed.isEmpty()) {
			log.info("grid-service has no {} yet: no demo compound for tenant {}", COMPOUNDS, area.tenant().code());
			return null;
		}
		// the provider view has no code: the name inside the community identifies the demo compound
		Optional<JsonNode> existing = SeedCalls.find(listed.get(), "name", area.compoundName());
		if (existing.isPresent()) {
			return text(existing.get().path("id"));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", area.compoundCode());
		body.put("name", area.compoundName());
		body.put("region", community);
		body.put("location", area.compoundLocation());
		body.put("population", COMPOUND_POPULATION);
		JsonNode compound = require(admin.post(COMPOUNDS, body, "demo-compound-" + area.compoundCode()),
				"create the demo compound " + area.compoundName());
		created.add("1 compound");
		return text(compound.path("id"));
	}

	/** @return the building's id, {@code null} when grid-service has no building API */
	private String seedBuilding(TenantSession.Caller admin, DemoArea area, String gridId, String compoundId,
			List<String> created) {
		Optional<List<JsonNode>> listed = SeedCalls.all(admin, BUILDINGS + "?gridId=" + gridId);
		if (listed.isEmpty()) {
			log.info("grid-service has no {} yet: no demo building or households for tenant {}", BUILDINGS,
					area.tenant().code());
			return null;
		}
		Optional<JsonNode> existing = SeedCalls.find(listed.get(), "code", area.buildingCode());
		if (existing.isPresent()) {
			return text(existing.get().path("id"));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", area.buildingCode());
		body.put("name", area.buildingName());
		body.put("gridId", gridId);
		body.put("compoundId", compoundId);
		body.put("location", area.buildingLocation());
		body.put("floors", 18);
		JsonNode building = require(admin.post(BUILDINGS, body, "demo-building-" + area.buildingCode()),
				"create the demo building " + area.buildingName());
		created.add("1 building");
		return text(building.path("id"));
	}

	// ---- households ---------------------------------------------------------------------------------------

	/** @return household id by household code */
	private Map<String, String> seedHouseholds(TenantSession.Caller admin, DemoArea area, Map<String, String> gridIds,
			List<String> created) {
		List<DemoHousehold> households = HOUSEHOLDS_BY_TENANT.getOrDefault(area.tenant().code(), List.of());
		Map<String, String> ids = householdIds(admin, area, gridIds);
		if (households.stream().allMatch(h -> ids.containsKey(area.householdCode(h.number())))) {
			return ids;
		}
		List<Map<String, Object>> items = new ArrayList<>();
		for (DemoHousehold household : households) {
			items.add(household.importItem(area));
		}
		// an upsert by code: households already there stay unchanged
		JsonNode result = require(admin.post(HOUSEHOLDS + "/import", Map.of("households", items)),
				"import the demo households of " + area.tenant().code());
		created.add(result.path("households").path("created").asInt() + " households ("
				+ result.path("residents").path("created").asInt() + " residents)");
		return householdIds(admin, area, gridIds);
	}

	/** The households of the demo grids by code (their codes are what other services' demo data know). */
	static Map<String, String> householdIds(TenantSession.Caller caller, DemoArea area, Map<String, String> gridIds) {
		Map<String, String> ids = new LinkedHashMap<>();
		for (String grid : List.of(DemoArea.FIRST_GRID, DemoArea.SECOND_GRID)) {
			String gridId = gridIds.get(area.gridCode(grid));
			if (gridId == null) {
				continue;
			}
			SeedCalls.all(caller, HOUSEHOLDS + "?gridId=" + gridId)
				.orElse(List.of())
				.forEach(h -> ids.put(text(h.path("code")), text(h.path("id"))));
		}
		return ids;
	}

	/** The ids of the demo community's units by code, as a manager or grid worker of it sees them. */
	static Map<String, String> unitIds(TenantSession.Caller caller, DemoArea area) {
		Map<String, String> ids = new LinkedHashMap<>();
		SeedCalls.all(caller, GRIDS + "?region=" + query(area.tenant().community()))
			.orElse(List.of())
			.forEach(unit -> ids.put(text(unit.path("code")), text(unit.path("id"))));
		return ids;
	}

	/**
	 * A made-up household: its number in the community, which grid ({@link DemoArea#FIRST_GRID} or
	 * {@link DemoArea#SECOND_GRID}), its door (in the compound's building, if any).
	 */
	private record DemoHousehold(int number, String grid, boolean inBuilding, String door, List<String> careTags,
			List<Person> residents) {

		Map<String, Object> importItem(DemoArea area) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("code", area.householdCode(number));
			item.put("gridCode", area.gridCode(grid));
			if (inBuilding) {
				item.put("buildingCode", area.buildingCode());
				item.put("compoundCode", area.compoundCode());
				item.put("address", area.city() + area.road() + area.compoundName() + door);
			}
			else {
				item.put("address", area.city() + area.otherRoad());
			}
			item.put("careTags", careTags);
			List<Map<String, Object>> people = new ArrayList<>();
			for (Person person : residents) {
				Map<String, Object> resident = new LinkedHashMap<>();
				resident.put("name", person.name());
				resident.put("relation", person.relation());
				resident.put("idNumber", person.idNumber());
				if (person.phone() != null) {
					resident.put("phone", person.phone());
				}
				resident.put("careTags", person.careTags());
				people.add(resident);
			}
			item.put("residents", people);
			return item;
		}

	}

	private record Person(String name, String relation, String idNumber, String phone, List<String> careTags) {
	}

	// ---- cases --------------------------------------------------------------------------------------------

	/** How far a demo case is driven through the closed loop. */
	enum Target {

		REPORTED, ACCEPTED, DISPATCHED, RESOLVED, FEEDBACK, EVALUATED, CLOSED,
		/** rated 2 at FEEDBACK: back to ACCEPTED with {@code reopenCount} 1 */
		REOPENED

	}

	/** How a case is dispatched: handled now by the demo grid worker, routed to a department, or coordinated. */
	private enum How {

		HANDLE_NOW, ROUTE_TO_DEPARTMENT, COORDINATION

	}

	/**
	 * A demo case.
	 *
	 * @param key unique per tenant; with the tenant it makes the case's externalId
	 * @param east offset of its location from the community's corner ({@code NaN}: no location, the household
	 * decides the grid)
	 * @param household the number of the household it concerns, 0 for none
	 * @param hotline reported by the community office for a caller of the hotline, not by the demo resident
	 */
	private record DemoCase(String key, Target target, String category, String title, String description,
			double east, double north, int household, Map<String, String> attributes, How how, int rating,
			String comment, boolean hotline) {
	}

	private static List<DemoCase> cases(DemoArea area) {
		String compound = area.compoundName();
		return List.of(
				new DemoCase("garbage", Target.REPORTED, "env-garbage", compound + "北门垃圾堆放",
						compound + "北门旁的垃圾桶满溢，装修垃圾堆了两天没人清运，天热气味很大。", 0.0022, 0.0030, 0, Map.of(),
						How.HANDLE_NOW, 0, null, false),
				new DemoCase("streetlight", Target.ACCEPTED, "facility-streetlight", area.otherRoad() + "路灯不亮",
						"市民来电反映" + area.otherRoad() + "附近连续三盏路灯一周来夜间不亮，老人晚上出门不方便。", 0.0085, 0.0030, 0,
						Map.of(), How.ROUTE_TO_DEPARTMENT, 0, null, true),
				new DemoCase("manhole", Target.DISPATCHED, "facility-manhole", "机动车道井盖松动",
						"社区东侧路口机动车道上的井盖松动，车辆经过时哐当作响，担心晚上有人踩空。", 0.0100, 0.0045, 0,
						Map.of("manhole_state", "loose", "on_roadway", "yes"), How.ROUTE_TO_DEPARTMENT, 0, null, false),
				new DemoCase("noise", Target.RESOLVED, "env-noise", "夜间广场舞音响扰民",
						compound + "中心广场的广场舞音响晚上十点后还在放，楼上住户无法休息。", 0.0040, 0.0046, 0, Map.of(),
						How.HANDLE_NOW, 0, null, false),
				new DemoCase("property-fee", Target.FEEDBACK, "dispute-property", "物业费上调争议",
						compound + "物业通知物业费上调，部分业主认为服务没有改善，双方争执不下。", 0.0028, 0.0058, 0, Map.of(),
						How.COORDINATION, 0, null, false),
				new DemoCase("assistance", Target.EVALUATED, "livelihood-assistance", "低保户申请临时救助",
						"家中主要劳动力住院，另一位家庭成员行动不便，生活一时困难，希望社区帮助申请临时救助。", Double.NaN, Double.NaN, 2,
						Map.of(), How.HANDLE_NOW, 5, "网格员第二天就上门了，手续也帮忙办好了，谢谢！", false),
				new DemoCase("elevator", Target.CLOSED, "facility-elevator", area.buildingName() + "电梯异响停运",
						area.buildingName() + "的电梯运行时有异响，今天上午停运了，楼里有独居老人上下楼困难。", 0.0030, 0.0040, 1,
						Map.of("people_trapped", "no"), How.HANDLE_NOW, 4, "维修及时，希望以后定期检修。", false),
				new DemoCase("sewage", Target.REOPENED, "env-sewage", "下水道堵塞污水外溢",
						"路边下水道堵塞，污水漫到人行道上。", 0.0075, 0.0055, 0, Map.of(), How.HANDLE_NOW, 2,
						"疏通后第二天又堵了，问题没有根本解决。", false));
	}

	private void seedCases(TenantSession session, DemoArea area, Map<String, String> householdIds,
			List<String> created) {
		String tenant = session.tenant().code();
		TenantSession.Caller staff = session.as("COMMUNITY_STAFF");
		if (staff.get(CASES + "?limit=1").status() == 404) {
			log.info("grid-service has no {} yet: no demo cases for tenant {}", CASES, tenant);
			return;
		}
		int reported = 0;
		int steps = 0;
		for (DemoCase demo : cases(area)) {
			TenantSession.Caller reporter = demo.hotline() ? staff : session.as("RESIDENT");
			ApiResponse response = reporter.post(CASES, report(session, area, demo, householdIds));
			JsonNode view = require(response, "report demo case " + demo.key() + " of " + tenant);
			if (response.status() == 201) {
				reported++;
			}
			for (int guard = 0; guard < Target.values().length + 2 && !reached(view, demo.target()); guard++) {
				view = step(session, reporter, demo, view);
				steps++;
			}
			if (!reached(view, demo.target())) {
				throw new LauncherException("Demo case " + demo.key() + " of " + tenant + " did not reach "
						+ demo.target() + ": " + view);
			}
		}
		if (reported > 0 || steps > 0) {
			created.add(reported + " cases (" + steps + " workflow steps)");
		}
	}

	private static Map<String, Object> report(TenantSession session, DemoArea area, DemoCase demo,
			Map<String, String> householdIds) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("category", demo.category());
		body.put("title", demo.title());
		body.put("description", demo.description());
		if (!Double.isNaN(demo.east())) {
			body.putAll(area.point(demo.east(), demo.north()));
		}
		if (demo.household() > 0) {
			String household = householdIds.get(area.householdCode(demo.household()));
			if (household == null) {
				throw new LauncherException("Demo household " + area.householdCode(demo.household()) + " of "
						+ session.tenant().code() + " is missing");
			}
			body.put("householdId", household);
		}
		if (!demo.attributes().isEmpty()) {
			body.put("attributes", demo.attributes());
		}
		if (demo.hotline()) {
			body.put("channel", "HOTLINE");
			body.put("reporterName", "何先生");
			body.put("reporterPhone", HOTLINE_CALLERS.get(session.tenant().code()));
		}
		// the reporter's own id for the case: reporting it again answers with the existing case
		body.put("externalId", "demo-" + session.tenant().code() + "-" + demo.key());
		return body;
	}

	private static boolean reached(JsonNode view, Target target) {
		if (target == Target.REOPENED) {
			return view.path("reopenCount").asInt() >= 1;
		}
		return Target.valueOf(text(view.path("status"))).ordinal() >= target.ordinal();
	}

	/** The next step of the closed loop from the case's current state, by whoever takes it in real life. */
	private static JsonNode step(TenantSession session, TenantSession.Caller reporter, DemoCase demo, JsonNode view) {
		TenantSession.Caller staff = session.as("COMMUNITY_STAFF");
		String worker = session.tenant().client("GRID_WORKER").clientId();
		String status = text(view.path("status"));
		String path = CASES + "/" + text(view.path("id"));
		Map<String, Object> body = new LinkedHashMap<>();
		ApiResponse response = switch (status) {
			case "REPORTED" -> {
				body.put("note", "已核实，予以受理");
				yield staff.post(path + "/accept", body);
			}
			case "ACCEPTED" -> {
				body.put("mode", demo.how().name());
				switch (demo.how()) {
					case HANDLE_NOW -> body.put("assignee", worker);
					case ROUTE_TO_DEPARTMENT -> body.put("department", "区城市管理和综合执法局");
					case COORDINATION -> body.put("parties",
							List.of("社区居委会", DemoArea.of(session.tenant()).compoundName() + "物业服务中心", "业主委员会"));
				}
				body.put("note", demo.how() == How.HANDLE_NOW ? "网格员马上办" : "按职责分派");
				yield staff.post(path + "/dispatch", body);
			}
			case "DISPATCHED" -> {
				body.put("note", "已现场处理完毕，拍照留存");
				// the assigned grid worker reports back; routed and coordinated cases are closed off by the office
				yield (demo.how() == How.HANDLE_NOW ? session.as("GRID_WORKER") : staff).post(path + "/resolve", body);
			}
			case "RESOLVED" -> {
				body.put("method", "PHONE");
				body.put("note", "已电话告知反映人处理结果");
				yield staff.post(path + "/feedback", body);
			}
			case "FEEDBACK" -> {
				body.put("rating", demo.rating() > 0 ? demo.rating() : 5);
				if (demo.comment() != null) {
					body.put("comment", demo.comment());
				}
				yield reporter.post(path + "/evaluate", body);
			}
			case "EVALUATED" -> {
				body.put("note", "群众满意，予以销号");
				yield staff.post(path + "/close", body);
			}
			default -> throw new LauncherException("Demo case " + demo.key() + " is " + status + ": no next step");
		};
		return require(response, status + " → next step of demo case " + demo.key() + " of "
				+ session.tenant().code());
	}

}
