package org.grassroots.launcher.seed;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.launcher.LauncherException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.grassroots.launcher.seed.SeedCalls.query;
import static org.grassroots.launcher.seed.SeedCalls.require;
import static org.grassroots.launcher.seed.SeedCalls.text;

/**
 * Demo data of member-service, per demo tenant: the district committee, the demo street's working committee, the
 * demo community's committee and the grid party branch of the first demo grid (set as that grid's
 * {@code partyBranchId} in grid-service too); two party members of that branch, the first one the demo
 * {@code PARTY_MEMBER} client's own record and a central household serving two of the grid's demo households; a
 * training course both attended; a visit in the central household's work log, written by the member.
 *
 * <p>
 * Runs after {@link GridDemoData}: the households it links are grid-service's, found by their codes. Idempotent:
 * organizations are found by name, level and region, members by ID number (blind-index lookup), the central
 * household by its member, the course by title, the visit by its summary; only what is missing is created.
 */
final class MemberDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(MemberDemoData.class);

	static final String ORGANIZATIONS = "/api/v1/party-organizations";

	static final String MEMBERS = "/api/v1/party-members";

	static final String CENTRAL_HOUSEHOLDS = "/api/v1/central-households";

	static final String TRAININGS = "/api/v1/trainings";

	static final String WORK_LOGS = "/api/v1/work-logs";

	static final String TRAINING_TITLE = "学习贯彻党的二十届三中全会精神专题党课";

	static final String VISIT_SUMMARY = "上门走访联系户独居老人，了解身体和生活状况，宣讲高龄津贴申领政策；收集到楼道加装扶手的意见，已转社区。";

	private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");

	/**
	 * Made-up members; the first is the demo party member (their login is the demo PARTY_MEMBER client). The ID
	 * numbers' check characters are correct (GB 11643, verified), so none had to be adjusted.
	 */
	private static final Map<String, List<Member>> MEMBERS_BY_TENANT = Map.of(
			"441702", List.of(
					new Member("李建华", "441702198001010017", "13902621101", "REGULAR", LocalDate.of(2006, 7, 1), null),
					new Member("黄丽萍", "441702198506150023", "13902621102", "IN_SERVICE", LocalDate.of(2010, 6, 28),
							"江城区教育局")),
			"340202", List.of(
					new Member("张国庆", "340202197903020015", "13905531101", "REGULAR", LocalDate.of(2004, 7, 1), null),
					new Member("吴晓梅", "340202198809110027", "13905531102", "IN_SERVICE", LocalDate.of(2012, 5, 20),
							"镜湖区卫生健康委员会")));

	/** The community office's public phone, shown on the plaque instead of the member's own. */
	private static final Map<String, String> OFFICE_PHONES = Map.of("441702", "0662-3188001", "340202",
			"0553-3880001");

	/** District names as the committees carry them. */
	private static final Map<String, String> DISTRICT_NAMES = Map.of("441702", "阳江市江城区", "340202", "芜湖市镜湖区");

	@Override
	public String describe() {
		return "party organizations and central households";
	}

	@Override
	public void seed(TenantSession session) {
		String tenant = session.tenant().code();
		DemoArea area = DemoArea.of(session.tenant());
		TenantSession.Caller admin = session.as("TENANT_ADMIN");
		// the district's committees: the demo district committee is one of them
		Optional<List<JsonNode>> committees = SeedCalls.all(admin,
				ORGANIZATIONS + "?level=COMMITTEE&region=" + query(tenant));
		if (committees.isEmpty()) {
			log.info("member-service has no {} yet: no demo party organizations for tenant {}", ORGANIZATIONS,
					tenant);
			return;
		}
		List<String> created = new ArrayList<>();
		Organizations orgs = seedOrganizations(session, area, committees.get(), created);
		linkGridBranch(session, area, orgs, created);

		TenantSession.Caller staff = session.as("COMMUNITY_STAFF");
		List<Member> people = MEMBERS_BY_TENANT.getOrDefault(tenant, List.of());
		List<String> memberIds = new ArrayList<>();
		int registered = 0;
		for (int i = 0; i < people.size(); i++) {
			Member person = people.get(i);
			String accountSubject = i == 0 ? session.tenant().client("PARTY_MEMBER").clientId() : null;
			Optional<String> existing = lookupMember(staff, person);
			if (existing.isPresent()) {
				memberIds.add(existing.get());
				continue;
			}
			memberIds.add(register(staff, tenant, i + 1, orgs.branch(), person, accountSubject));
			registered++;
		}
		if (registered > 0) {
			created.add(registered + " party members");
		}
		if (memberIds.isEmpty()) {
			return;
		}

		// the two demo households of the first grid, found in grid-service by their codes
		Map<String, String> households = GridDemoData.householdIds(staff, area, GridDemoData.unitIds(staff, area));
		List<String> linked = new ArrayList<>();
		for (int number = 1; number <= 2; number++) {
			String id = households.get(area.householdCode(number));
			if (id != null) {
				linked.add(id);
			}
		}
		String centralHousehold = seedCentralHousehold(staff, area, orgs.community(), memberIds.get(0), linked,
				created);
		seedTraining(staff, area, orgs.community(), memberIds, created);
		if (centralHousehold != null) {
			seedVisit(session.as("PARTY_MEMBER"), centralHousehold, linked, created);
		}
		if (created.isEmpty()) {
			log.info("Member demo data of tenant {} already present: nothing created", tenant);
		}
		else {
			log.info("Member demo data of tenant {}: created {}", tenant, String.join(", ", created));
		}
	}

	// ---- organizations ------------------------------------------------------------------------------------

	/** The ids of the four demo organizations. */
	private record Organizations(String district, String street, String community, String branch,
			String branchGridId) {
	}

	private Organizations seedOrganizations(TenantSession session, DemoArea area, List<JsonNode> committees,
			List<String> created) {
		String tenant = session.tenant().code();
		String districtName = DISTRICT_NAMES.getOrDefault(tenant, session.tenant().name());
		Founder found = new Founder(session.as("TENANT_ADMIN"), committees);
		String district = found.organization("中共" + districtName + "委员会", "COMMITTEE", "REGULAR", null, tenant,
				null, null);
		String street = found.organization("中共" + districtName + area.streetName() + "工作委员会", "COMMITTEE",
				"REGULAR", district, session.tenant().street(), null, null);
		String community = found.organization("中共" + area.communityName() + "委员会", "COMMITTEE", "REGULAR", street,
				session.tenant().community(), null, OFFICE_PHONES.get(tenant));
		// the first grid's party branch (网格党支部), or a plain community branch without grid-service
		String gridId = firstGrid(session.as("TENANT_ADMIN"), area).map(g -> text(g.path("id"))).orElse(null);
		String branch = gridId == null
				? found.organization("中共" + area.communityName() + "支部委员会", "BRANCH", "REGULAR", community,
						session.tenant().community(), null, null)
				: found.organization(area.gridName(DemoArea.FIRST_GRID) + "党支部", "BRANCH", "GRID", community,
						area.gridPath(DemoArea.FIRST_GRID), gridId, null);
		if (found.count > 0) {
			created.add(found.count + " party organizations");
		}
		return new Organizations(district, street, community, branch, gridId);
	}

	/**
	 * Finds an organization by name, level and region among its parent's children (a root among the district's
	 * committees), or founds it as the tenant admin.
	 */
	private static final class Founder {

		private final TenantSession.Caller admin;

		private final List<JsonNode> committees;

		private int count;

		Founder(TenantSession.Caller admin, List<JsonNode> committees) {
			this.admin = admin;
			this.committees = committees;
		}

		String organization(String name, String level, String category, String parentId, String region,
				String gridId, String contactPhone) {
			List<JsonNode> siblings = parentId == null ? committees
					: SeedCalls.all(admin, ORGANIZATIONS + "?parentId=" + parentId).orElse(List.of());
			for (JsonNode organization : siblings) {
				if (name.equals(text(organization.path("name"))) && level.equals(text(organization.path("level")))
						&& region.equals(text(organization.path("region")))) {
					return text(organization.path("id"));
				}
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", name);
			body.put("level", level);
			body.put("category", category);
			if (parentId != null) {
				body.put("parentId", parentId);
			}
			body.put("region", region);
			if (gridId != null) {
				body.put("gridId", gridId);
			}
			if (contactPhone != null) {
				body.put("contactPhone", contactPhone);
			}
			JsonNode organization = require(
					admin.post(ORGANIZATIONS, body, "demo-organization-" + region + "-" + level),
					"found the demo organization " + name);
			count++;
			return text(organization.path("id"));
		}

	}

	private static Optional<JsonNode> firstGrid(TenantSession.Caller caller, DemoArea area) {
		return SeedCalls.all(caller, GridDemoData.GRIDS + "?region=" + query(area.tenant().community()))
			.flatMap(grids -> SeedCalls.find(grids, "code", area.gridCode(DemoArea.FIRST_GRID)));
	}

	/** grid-service's side of the grid branch: the grid names it as its {@code partyBranchId}. */
	private void linkGridBranch(TenantSession session, DemoArea area, Organizations orgs, List<String> created) {
		if (orgs.branchGridId() == null) {
			return;
		}
		TenantSession.Caller admin = session.as("TENANT_ADMIN");
		Optional<JsonNode> grid = firstGrid(admin, area);
		if (grid.isEmpty() || orgs.branch().equals(text(grid.get().path("partyBranchId")))) {
			return;
		}
		// re-imported with the branch: an upsert by code that changes only the party branch
		Map<String, Object> feature = GridDemoData.gridFeature(session, area, area.gridCode(DemoArea.FIRST_GRID));
		@SuppressWarnings("unchecked")
		Map<String, Object> properties = (Map<String, Object>) feature.get("properties");
		properties.put("partyBranchId", orgs.branch());
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("features", List.of(feature));
		require(admin.post(GridDemoData.GRIDS + "/import", collection),
				"set the party branch of grid " + area.gridCode(DemoArea.FIRST_GRID));
		created.add("the party branch of grid " + area.gridCode(DemoArea.FIRST_GRID));
	}

	// ---- members ------------------------------------------------------------------------------------------

	/** A made-up party member. */
	private record Member(String name, String idNumber, String phone, String category, LocalDate joinedOn,
			String workplace) {
	}

	/** The member's id when registered (exact lookup through the blind index; the number stays in the body). */
	private static Optional<String> lookupMember(TenantSession.Caller staff, Member person) {
		ApiResponse found = staff.post(MEMBERS + "/lookup", Map.of("idNumber", person.idNumber()));
		if (found.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(text(require(found, "look up demo member " + person.name()).path("id")));
	}

	private static String register(TenantSession.Caller staff, String tenant, int number, String branch,
			Member person, String accountSubject) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organizationId", branch);
		body.put("name", person.name());
		body.put("idNumber", person.idNumber());
		body.put("phone", person.phone());
		body.put("category", person.category());
		body.put("joinedOn", person.joinedOn().toString());
		if (person.workplace() != null) {
			body.put("workplace", person.workplace());
		}
		if (accountSubject != null) {
			body.put("accountSubject", accountSubject);
		}
		JsonNode member = require(staff.post(MEMBERS, body, "demo-member-" + tenant + "-" + number),
				"register demo member " + person.name() + " in " + tenant);
		return text(member.path("id"));
	}

	// ---- central household, training, work log ------------------------------------------------------------

	/** @return the central household's id */
	private static String seedCentralHousehold(TenantSession.Caller staff, DemoArea area, String community,
			String memberId, List<String> households, List<String> created) {
		List<JsonNode> existing = SeedCalls.all(staff, CENTRAL_HOUSEHOLDS + "?organizationId=" + community)
			.orElseThrow(() -> new LauncherException("member-service has no " + CENTRAL_HOUSEHOLDS));
		Optional<JsonNode> designated = existing.stream()
			.filter(ch -> memberId.equals(text(ch.path("memberId"))) && "ACTIVE".equals(text(ch.path("status"))))
			.findFirst();
		if (designated.isEmpty()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("memberId", memberId);
			body.put("organizationId", community);
			body.put("roles", List.of("POLICY_PROMOTER", "OPINION_COLLECTOR"));
			body.put("plaqueNo", area.communityName() + "001号");
			body.put("householdIds", households);
			JsonNode centralHousehold = require(
					staff.post(CENTRAL_HOUSEHOLDS, body, "demo-central-household-" + area.tenant().code()),
					"designate the demo central household of " + area.tenant().code());
			created.add("1 central household (" + households.size() + " linked households)");
			return text(centralHousehold.path("id"));
		}
		String id = text(designated.get().path("id"));
		// households the grid demo data created after the designation: link them now
		Set<String> linked = SeedCalls.all(staff, CENTRAL_HOUSEHOLDS + "/" + id + "/households")
			.orElse(List.of())
			.stream()
			.map(h -> text(h.path("householdId")))
			.collect(Collectors.toSet());
		List<String> missing = households.stream().filter(h -> !linked.contains(h)).toList();
		if (!missing.isEmpty()) {
			require(staff.post(CENTRAL_HOUSEHOLDS + "/" + id + "/households", Map.of("householdIds", missing)),
					"link the demo households of " + area.tenant().code());
			created.add(missing.size() + " linked households");
		}
		return id;
	}

	private static void seedTraining(TenantSession.Caller staff, DemoArea area, String community,
			List<String> memberIds, List<String> created) {
		String region = area.tenant().community();
		List<JsonNode> courses = SeedCalls.all(staff, TRAININGS + "?region=" + query(region))
			.orElseThrow(() -> new LauncherException("member-service has no " + TRAININGS));
		Optional<JsonNode> course = SeedCalls.find(courses, "title", TRAINING_TITLE);
		String courseId;
		if (course.isPresent()) {
			courseId = text(course.get().path("id"));
		}
		else {
			// a week ago, in the afternoon, at the community's service center
			OffsetDateTime startsAt = LocalDate.now(DISTRICT_TIME)
				.minusDays(7)
				.atTime(LocalTime.of(14, 30))
				.atZone(DISTRICT_TIME)
				.toOffsetDateTime();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("title", TRAINING_TITLE);
			body.put("region", region);
			body.put("organizationId", community);
			body.put("startsAt", startsAt.toString());
			body.put("durationMinutes", 90);
			body.put("location", area.communityName() + "党群服务中心");
			courseId = text(require(staff.post(TRAININGS, body, "demo-training-" + area.tenant().code()),
					"create the demo training of " + area.tenant().code()).path("id"));
			created.add("1 training course");
		}
		Set<String> attended = SeedCalls.all(staff, TRAININGS + "/" + courseId + "/attendance")
			.orElse(List.of())
			.stream()
			.map(a -> text(a.path("memberId")))
			.collect(Collectors.toSet());
		List<String> missing = memberIds.stream().filter(m -> !attended.contains(m)).toList();
		if (!missing.isEmpty()) {
			require(staff.post(TRAININGS + "/" + courseId + "/attendance", Map.of("memberIds", missing)),
					"record attendance of the demo training of " + area.tenant().code());
			created.add(missing.size() + " training attendances");
		}
	}

	/** The central household logs its own visit (the demo party member is its member). */
	private static void seedVisit(TenantSession.Caller member, String centralHousehold, List<String> households,
			List<String> created) {
		List<JsonNode> visits = SeedCalls
			.all(member, WORK_LOGS + "?centralHouseholdId=" + centralHousehold + "&kind=VISIT")
			.orElseThrow(() -> new LauncherException("member-service has no " + WORK_LOGS));
		if (SeedCalls.find(visits, "summary", VISIT_SUMMARY).isPresent()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("centralHouseholdId", centralHousehold);
		body.put("kind", "VISIT");
		body.put("occurredOn", LocalDate.now(DISTRICT_TIME).minusDays(2).toString());
		body.put("summary", VISIT_SUMMARY);
		// the first linked household: the elderly resident living alone
		body.put("householdIds", households.isEmpty() ? List.of() : List.of(households.get(0)));
		require(member.post(WORK_LOGS, body, "demo-visit-" + centralHousehold), "log the demo visit");
		created.add("1 work log (VISIT)");
	}

}
