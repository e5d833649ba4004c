package org.grassroots.launcher.seed;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.launcher.LauncherException;
import org.grassroots.launcher.demo.DemoTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Demo data of center-service, per demo tenant: a center at every level (district, street, community, compound
 * station, regional center, a pioneer station hosted by a bank) with addresses, locations and the three kinds of
 * opening hours (365-day, extended evening hours, by appointment), rooms (one needing approval), a subset of the
 * seeded 6-category / 17-item catalog; the 八有 site standard, a star rubric of 8 first-level / 21 second-level
 * indicators and the community center's evaluation taken through to PUBLISHED; an upgrade task with its first month
 * signed off and a new-build task with candidate sites; today's duty roster; bookings (one pending approval); an
 * activity with sign-ups and a waiting list.
 * <p>
 * Idempotent: every record is looked up by its name (centers, rooms, rubric, tasks, activity), code (standard) or
 * slot before it is created, and creates carry an {@code Idempotency-Key}. The records tied to the calendar (today's
 * roster, the bookings and the activity, which lie in the coming days) are created again only once the previous
 * ones have passed, so the demo never shows an empty calendar and never holds the same thing twice.
 */
final class CenterDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(CenterDemoData.class);

	static final String CENTERS = "/api/v1/centers";

	static final String CATALOG = "/api/v1/service-catalog";

	/** The checklist of the 八有 standard: what every site must have. */
	static final List<Map<String, String>> BA_YOU = List.of(item("site", "有固定活动场所"), item("sign", "有统一标识标牌"),
			item("facilities", "有基本办公服务设施"), item("flag", "有党旗和入党誓词"), item("reading", "有党员书屋或阅读角"),
			item("rules", "有制度和服务公开栏"), item("staff", "有专兼职工作人员"), item("services", "有常态化服务项目"));

	/** 8 first-level indicators (weights sum to 100) with 21 second-level ones, as in Wuhu's rating. */
	private static final List<Indicator> INDICATORS = List.of(
			new Indicator("A1", "阵地建设", 15, List.of(sub("A1.1", "场所面积达标", 10), sub("A1.2", "功能分区合理", 10),
					sub("A1.3", "标识统一规范", 5))),
			new Indicator("A2", "组织体系", 15, List.of(sub("A2.1", "党组织健全", 10), sub("A2.2", "网格党组织覆盖", 10),
					sub("A2.3", "党员中心户设置", 5))),
			new Indicator("A3", "服务功能", 15, List.of(sub("A3.1", "服务清单落实", 10), sub("A3.2", "错时延时服务", 5),
					sub("A3.3", "预约服务", 5))),
			new Indicator("A4", "队伍建设", 10, List.of(sub("A4.1", "工作人员配备", 10), sub("A4.2", "志愿者队伍", 10))),
			new Indicator("A5", "制度机制", 10, List.of(sub("A5.1", "值班制度", 5), sub("A5.2", "服务公开", 5),
					sub("A5.3", "台账管理", 5))),
			new Indicator("A6", "活动开展", 15, List.of(sub("A6.1", "主题党日", 10), sub("A6.2", "群众性活动", 10),
					sub("A6.3", "活动室使用率", 5))),
			new Indicator("A7", "群众满意", 10, List.of(sub("A7.1", "满意度测评", 10), sub("A7.2", "群众评议", 10))),
			new Indicator("A8", "特色亮点", 10, List.of(sub("A8.1", "特色品牌", 10), sub("A8.2", "创新做法", 10))));

	/** Points the street deducts from full marks when scoring the community center: 89.85 in all, four stars. */
	private static final Map<String, Integer> DEDUCTIONS = Map.of("A1.2", 2, "A3.2", 1, "A4.2", 3, "A6.3", 2, "A7.2",
			2, "A8.1", 4, "A8.2", 5);

	/**
	 * What each demo tenant adds to its {@link DemoArea} (the street, community and compound grid-service's demo
	 * data creates): made-up host partners and the telephone area code.
	 */
	private static final Map<String, Place> PLACES = Map.of(
			"441702", new Place("江城区", "工商银行江城支行", "江城高新产业园", "0662"),
			"340202", new Place("镜湖区", "建设银行镜湖支行", "镜湖科创园", "0553"));

	@Override
	public String describe() {
		return "centers, rooms, evaluations, upgrade tasks, rosters, bookings and activities";
	}

	@Override
	public void seed(TenantSession session) {
		DemoTenant tenant = session.tenant();
		TenantSession.Caller admin = session.as("TENANT_ADMIN");
		// reading the catalog also seeds the tenant's 6 categories / 17 items on first use
		ApiResponse catalog = admin.get(CATALOG);
		if (catalog.status() == 404) {
			log.info("center-service has no {} yet: no demo centers for tenant {}", CATALOG, tenant.code());
			return;
		}
		require(catalog, "read the service catalog", tenant);
		Place place = PLACES.get(tenant.code());
		if (place == null) {
			return;
		}
		Run run = new Run(session, DemoArea.of(tenant), place);
		Map<String, String> centers = run.centers();
		String community = centers.get("community");
		Map<String, String> rooms = run.rooms(community, centers.get("district"));
		// several states of the workflow, as a district sees them mid-year: one published, one waiting for the
		// district's rating, one waiting for the representatives' review
		String evaluation = run.evaluation(community, "PUBLISHED", run.communityStaff) + ", "
				+ run.evaluation(centers.get("compound"), "SCORED", run.communityStaff) + ", "
				+ run.evaluation(centers.get("street"), "APPLIED", session.as("STREET_STAFF"));
		int tasks = run.upgradeTasks(community);
		int shifts = run.roster(community);
		int bookings = run.bookings(rooms);
		String activity = run.activity(community, rooms.get("activity"));
		log.info("Center demo data of tenant {}: {} centers ({} new), {} rooms, star evaluation {}, {} upgrade tasks, "
				+ "{} duty shifts today, {} bookings ahead, activity {}", tenant.code(), centers.size(), run.createdCenters,
				rooms.size(), evaluation, tasks, shifts, bookings, activity);
	}

	/** One seeding pass over a tenant. */
	private static final class Run {

		private final TenantSession session;

		private final DemoTenant tenant;

		private final DemoArea area;

		private final Place place;

		private final ZoneId zone;

		private final TenantSession.Caller admin;

		private final TenantSession.Caller communityStaff;

		int createdCenters;

		Run(TenantSession session, DemoArea area, Place place) {
			this.session = session;
			this.area = area;
			this.tenant = session.tenant();
			this.place = place;
			this.zone = ZoneId.of(tenant.timeZone());
			this.admin = session.as("TENANT_ADMIN");
			this.communityStaff = session.as("COMMUNITY_STAFF");
		}

		/** The six centers by key, created by the tenant admin unless a center of that name exists. */
		Map<String, String> centers() {
			Map<String, String> existing = new HashMap<>();
			for (JsonNode center : all(admin, CENTERS + "?limit=100")) {
				existing.put(center.path("name").asString(""), center.path("id").asString());
			}
			Map<String, String> ids = new LinkedHashMap<>();
			String districtId = null;
			String streetId = null;
			for (Map<String, Object> site : sites()) {
				String key = (String) site.remove("key");
				if ("street".equals(key) || "regional".equals(key) || "pioneer".equals(key)) {
					site.put("parentId", districtId);
				}
				else if ("community".equals(key)) {
					site.put("parentId", streetId);
				}
				else if ("compound".equals(key)) {
					site.put("parentId", ids.get("community"));
				}
				site.values().removeIf(v -> v == null);
				String name = (String) site.get("name");
				String id = existing.get(name);
				if (id == null) {
					ApiResponse created = admin.post(CENTERS, site, key("center-" + key));
					require(created, "create center " + name, tenant);
					id = created.body().path("id").asString();
					createdCenters++;
				}
				ids.put(key, id);
				if ("district".equals(key)) {
					districtId = id;
				}
				else if ("street".equals(key)) {
					streetId = id;
				}
			}
			return ids;
		}

		private List<Map<String, Object>> sites() {
			String street = tenant.street();
			String community = tenant.community();
			List<Map<String, Object>> sites = new ArrayList<>();
			sites.add(site("district", "DISTRICT", place.district() + "党群服务中心", tenant.code(),
					"政务服务中心一楼", 0.0250, 0.0120, 1200, List.of("多功能厅", "会议室", "党员教育室", "展厅"),
					List.of("legal-consultation", "legal-aid-application", "job-matching", "skills-training",
							"startup-guidance", "policy-briefing", "social-insurance"),
					weekly(List.of(span("08:30", "12:00"), span("14:30", "17:30")), List.of(), true,
							List.of(Map.of("date", LocalDate.now(zone).getYear() + "-10-01", "name", "国庆",
									"closed", true)),
							"节假日闭馆，其他时间可电话预约")));
			sites.add(site("street", "STREET", area.streetName() + "党群服务中心", street,
					area.streetName() + "办事处一楼", 0.0150, -0.0040, 600, List.of("便民服务窗口", "调解室", "图书角"),
					List.of("dispute-mediation", "legal-consultation", "hardship-relief", "disability-support",
							"social-insurance", "job-matching"),
					weekly(List.of(span("09:00", "12:00"), span("14:00", "17:30")),
							// 错时服务: weekday evenings and Saturday mornings for people who work by day
							List.of(Map.of("days", List.of("MONDAY", "WEDNESDAY", "FRIDAY"), "opens", "18:30", "closes",
									"21:00")),
							false, List.of(), "周一、三、五晚间延时服务至21:00")));
			sites.add(site("community", "COMMUNITY", area.communityName() + "党群服务中心", community,
					area.otherRoad(), 0.0070, 0.0040, 450, List.of("活动室", "议事厅", "阅览室", "饮水", "无障碍通道"),
					List.of("health-check", "family-doctor", "elderly-care", "reading-room", "culture-sports",
							"after-school", "charity-goods", "policy-briefing"),
					allYear(List.of(span("08:00", "12:00"), span("14:00", "21:00")), "365天不打烊")));
			sites.add(site("compound", "COMPOUND_STATION", area.compoundName() + "小区党群服务站", community,
					area.road() + area.compoundName() + "1栋架空层", 0.0034, 0.0036, 80, List.of("议事角", "共享工具箱"),
					List.of("dispute-mediation", "elderly-care"),
					Map.of("mode", "APPOINTMENT_ONLY", "byAppointment", true, "note", "请提前一天电话预约，网格员上门对接")));
			sites.add(site("regional", "REGIONAL", place.park() + "区域性党群服务中心", street,
					place.park() + "综合楼二楼", -0.0180, -0.0100, 300, List.of("共享会议室", "职工书屋", "母婴室"),
					List.of("job-matching", "skills-training", "startup-guidance", "legal-consultation"),
					weekly(List.of(span("09:00", "18:00")), List.of(), true, List.of(), "园区企业可预约使用会议室")));
			Map<String, Object> pioneer = site("pioneer", "PIONEER_STATION", place.bank() + "先锋驿站", street,
					place.bank() + "营业厅一楼", 0.0100, -0.0020, 40, List.of("饮水", "充电", "微波炉", "休息座椅", "应急药箱"),
					List.of("legal-consultation", "health-check", "charity-goods"),
					allYear(List.of(span("07:00", "22:00")), "外卖骑手、快递小哥歇脚点"));
			pioneer.put("brandName", "红色驿站");
			pioneer.put("hostPartner", Map.of("kind", "BANK", "name", place.bank()));
			sites.add(pioneer);
			return sites;
		}

		private Map<String, Object> site(String key, String level, String name, String region, String address,
				double east, double north, int floorArea, List<String> facilities, List<String> items,
				Map<String, Object> hours) {
			Map<String, Object> site = new LinkedHashMap<>();
			site.put("key", key);
			site.put("level", level);
			site.put("name", name);
			site.put("brandName", "红色家园");
			site.put("region", region);
			site.put("address", area.city() + address);
			site.put("location", area.point(east, north));
			site.put("floorAreaM2", floorArea);
			site.put("phone", place.areaCode() + "-3" + String.format("%06d", Math.abs((tenant.code() + key).hashCode()) % 1_000_000));
			site.put("facilities", facilities);
			site.put("serviceItems", items);
			site.put("openingHours", hours);
			site.put("status", "ACTIVE");
			return site;
		}

		/** An activity room (booked without approval) and a meeting hall needing approval at the community center. */
		Map<String, String> rooms(String communityCenter, String districtCenter) {
			Map<String, String> ids = new LinkedHashMap<>();
			ids.put("activity", room(communityCenter, "activity", "活动室", 40, List.of("投影", "音响"), false));
			ids.put("hall", room(communityCenter, "hall", "议事厅", 20, List.of("会议桌", "话筒"), true));
			ids.put("district-hall", room(districtCenter, "district-hall", "多功能厅", 150, List.of("LED屏", "音响", "同声传译"), true));
			return ids;
		}

		private String room(String centerId, String code, String name, int capacity, List<String> facilities, boolean approval) {
			ApiResponse rooms = admin.get("/api/v1/rooms?centerId=" + centerId);
			require(rooms, "list rooms", tenant);
			Optional<String> existing = rooms.items().stream()
				.filter(r -> name.equals(r.path("name").asString("")))
				.map(r -> r.path("id").asString())
				.findFirst();
			if (existing.isPresent()) {
				return existing.get();
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("centerId", centerId);
			body.put("name", name);
			body.put("capacity", capacity);
			body.put("facilities", facilities);
			body.put("requiresApproval", approval);
			body.put("maxDurationMinutes", 240);
			body.put("maxAdvanceDays", 60);
			ApiResponse created = admin.post("/api/v1/rooms", body, key("room-" + code));
			require(created, "create room " + name, tenant);
			return created.body().path("id").asString();
		}

		/**
		 * The 八有 standard, this year's rubric and a center's evaluation, carried on from whatever step it reached
		 * up to {@code stopAt}: applied and reviewed by the center's staff ({@code applicant}), scored by street
		 * staff, rated and published by the tenant admin. Returns the status and stars.
		 */
		String evaluation(String centerId, String stopAt, TenantSession.Caller applicant) {
			int year = LocalDate.now(zone).getYear();
			String standardId = standard();
			String rubricId = rubric(year, standardId);
			ApiResponse found = admin.get("/api/v1/star-evaluations?centerId=" + centerId + "&year=" + year);
			require(found, "list star evaluations", tenant);
			JsonNode evaluation;
			if (found.items().isEmpty()) {
				Map<String, Boolean> checklist = new LinkedHashMap<>();
				BA_YOU.forEach(i -> checklist.put(i.get("code"), true));
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("centerId", centerId);
				body.put("rubricId", rubricId);
				body.put("year", year);
				body.put("checklist", checklist);
				body.put("summary", "PUBLISHED".equals(stopAt)
						? area.communityName() + "党群服务中心全年开放，建成“15分钟服务圈”，申报四星级。"
						: "对照“八有”标准完成自评，申报本年度星级评定。");
				// the community center keeps the key it was first seeded with
				String key = "PUBLISHED".equals(stopAt) ? "evaluation-" + year : "evaluation-" + year + "-" + centerId;
				ApiResponse applied = applicant.post("/api/v1/star-evaluations", body, key(key));
				require(applied, "apply for the star evaluation", tenant);
				evaluation = applied.body();
			}
			else {
				evaluation = found.items().get(0);
			}
			String id = evaluation.path("id").asString();
			String path = "/api/v1/star-evaluations/" + id;
			for (int step = 0; step < 4; step++) {
				String status = evaluation.path("status").asString("");
				if (status.equals(stopAt)) {
					break;
				}
				ApiResponse next = switch (status) {
					case "APPLIED" -> applicant.post(path + "/review", Map.of("representatives", 15, "approvals",
							14, "opinion", "居民代表认为服务中心开放时间长、活动丰富，同意申报。"));
					case "REVIEWED" -> session.as("STREET_STAFF").post(path + "/score",
							Map.of("scores", scores(), "note", "街道考核组实地查看"));
					case "SCORED" -> admin.post(path + "/rate", Map.of("note", "按考核得分定级"));
					case "RATED" -> admin.post(path + "/publish", Map.of("note", "区委组织部公布"));
					default -> null;
				};
				if (next == null) {
					break;
				}
				require(next, "take the star evaluation past " + status, tenant);
				evaluation = next.body();
			}
			// stars exist from the district's rating on
			int stars = evaluation.path("stars").asInt(0);
			return evaluation.path("status").asString() + (stars > 0 ? " (" + stars + " stars)" : "");
		}

		private String standard() {
			ApiResponse standards = admin.get("/api/v1/standards");
			require(standards, "list site standards", tenant);
			Optional<String> existing = standards.items().stream()
				.filter(s -> "ba-you".equals(s.path("code").asString("")))
				.map(s -> s.path("id").asString())
				.findFirst();
			if (existing.isPresent()) {
				return existing.get();
			}
			ApiResponse created = admin.post("/api/v1/standards", Map.of("code", "ba-you", "name", "八有标准",
					"description", "村（社区）党群服务中心“八有”建设标准", "items", BA_YOU), key("standard-ba-you"));
			require(created, "create the 八有 standard", tenant);
			return created.body().path("id").asString();
		}

		private String rubric(int year, String standardId) {
			String name = year + "年度党群服务中心星级评定细则";
			ApiResponse rubrics = admin.get("/api/v1/standards/rubrics?year=" + year);
			require(rubrics, "list rubrics", tenant);
			Optional<String> existing = rubrics.items().stream()
				.filter(r -> name.equals(r.path("name").asString("")))
				.map(r -> r.path("id").asString())
				.findFirst();
			if (existing.isPresent()) {
				return existing.get();
			}
			List<Map<String, Object>> indicators = INDICATORS.stream().map(Indicator::body).toList();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", name);
			body.put("year", year);
			body.put("standardId", standardId);
			body.put("indicators", indicators);
			body.put("starThresholds", List.of(60, 70, 80, 88, 95));
			body.put("rewardTiers", List.of(Map.of("stars", 3, "tier", "三星级", "amountFen", 1_000_000),
					Map.of("stars", 4, "tier", "四星级", "amountFen", 2_000_000),
					Map.of("stars", 5, "tier", "五星级", "amountFen", 3_000_000)));
			ApiResponse created = admin.post("/api/v1/standards/rubrics", body, key("rubric-" + year));
			require(created, "create the star rubric", tenant);
			return created.body().path("id").asString();
		}

		private static Map<String, BigDecimal> scores() {
			Map<String, BigDecimal> scores = new LinkedHashMap<>();
			for (Indicator indicator : INDICATORS) {
				for (Sub sub : indicator.items()) {
					scores.put(sub.code(), BigDecimal.valueOf(sub.max() - DEDUCTIONS.getOrDefault(sub.code(), 0)));
				}
			}
			return scores;
		}

		/**
		 * This year's upgrade task for the community center (three monthly milestones from this month, this month's
		 * signed off) and a new-build task for a compound station with two candidate sites, one selected.
		 */
		int upgradeTasks(String centerId) {
			int year = LocalDate.now(zone).getYear();
			ApiResponse tasks = admin.get("/api/v1/upgrade-tasks?year=" + year + "&limit=100");
			require(tasks, "list upgrade tasks", tenant);
			Map<String, JsonNode> byTitle = new HashMap<>();
			tasks.items().forEach(t -> byTitle.put(t.path("title").asString(""), t));

			String upgradeTitle = area.communityName() + "党群服务中心提档升级";
			JsonNode upgrade = byTitle.get(upgradeTitle);
			if (upgrade == null) {
				YearMonth month = YearMonth.now(zone);
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("batch", "UPGRADE");
				body.put("title", upgradeTitle);
				body.put("region", tenant.community());
				body.put("centerId", centerId);
				body.put("year", year);
				body.put("milestones", List.of(Map.of("month", month.toString(), "goal", "完成功能分区设计和改造方案"),
						Map.of("month", month.plusMonths(1).toString(), "goal", "完成议事厅、阅览室改造"),
						Map.of("month", month.plusMonths(2).toString(), "goal", "完成标识标牌更新并验收")));
				ApiResponse created = admin.post("/api/v1/upgrade-tasks", body, key("task-upgrade-" + year));
				require(created, "create the upgrade task", tenant);
				upgrade = created.body();
			}
			JsonNode first = upgrade.path("milestones").path(0);
			JsonNode signedOffAt = first.path("signedOffAt");
			if (first.isObject() && (signedOffAt.isNull() || signedOffAt.isMissingNode())
					&& !YearMonth.parse(first.path("month").asString()).isAfter(YearMonth.now(zone))) {
				ApiResponse signed = session.as("STREET_STAFF").post("/api/v1/upgrade-tasks/"
						+ upgrade.path("id").asString() + "/milestones/" + first.path("month").asString() + "/sign-off",
						Map.of("note", "改造方案已通过街道审核，予以销号"));
				if (signed.status() != 409) {
					require(signed, "sign off the first milestone", tenant);
				}
			}

			String newTitle = area.communityName() + "第二网格党群服务站新建";
			if (!byTitle.containsKey(newTitle)) {
				YearMonth month = YearMonth.now(zone);
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("batch", "NEW_BUILD");
				body.put("title", newTitle);
				body.put("region", tenant.community());
				body.put("year", year);
				body.put("milestones", List.of(Map.of("month", month.plusMonths(1).toString(), "goal", "确定站点选址"),
						Map.of("month", month.plusMonths(3).toString(), "goal", "完成装修并投入使用")));
				ApiResponse created = admin.post("/api/v1/upgrade-tasks", body, key("task-new-build-" + year));
				require(created, "create the new-build task", tenant);
				String taskId = created.body().path("id").asString();
				String sitesPath = "/api/v1/upgrade-tasks/" + taskId + "/candidate-sites";
				ApiResponse leased = admin.post(sitesPath, Map.of("name", "临街商铺租赁点", "address",
						area.city() + area.otherRoad() + "临街商铺", "location", area.point(0.0092, 0.0042), "mode", "LEASE",
						"leasedAreaM2", 120), key("site-lease-" + year));
				require(leased, "propose the leased site", tenant);
				ApiResponse vacated = admin.post(sitesPath, Map.of("name", "闲置仓库腾退点", "address",
						area.city() + area.otherRoad() + "后院仓库", "location", area.point(0.0100, 0.0030), "mode", "VACATE"),
						key("site-vacate-" + year));
				require(vacated, "propose the vacated site", tenant);
				for (JsonNode site : leased.body().path("candidateSites")) {
					if ("LEASE".equals(site.path("mode").asString(""))) {
						require(admin.post(sitesPath + "/" + site.path("id").asString() + "/decision",
								Map.of("status", "SELECTED")), "select the leased site", tenant);
					}
				}
			}
			return 2;
		}

		/** Today's duty roster of the community center: a morning and an afternoon-to-evening shift. */
		int roster(String centerId) {
			LocalDate today = LocalDate.now(zone);
			OffsetDateTime from = at(today, "00:00");
			OffsetDateTime to = from.plusDays(1);
			ApiResponse shifts = communityStaff.get("/api/v1/rosters?centerId=" + centerId + "&from=" + q(iso(from))
					+ "&to=" + q(iso(to)));
			require(shifts, "read the roster", tenant);
			if (!shifts.items().isEmpty()) {
				return shifts.items().size();
			}
			String staff = tenant.client("COMMUNITY_STAFF").clientId();
			String volunteer = tenant.client("VOLUNTEER").clientId();
			List<Map<String, Object>> planned = List.of(
					shift(centerId, staff, "社区值班社工", "值班长", at(today, "08:00"), at(today, "14:00")),
					shift(centerId, volunteer, "志愿者值班员", "志愿者", at(today, "14:00"), at(today, "21:00")));
			for (int i = 0; i < planned.size(); i++) {
				ApiResponse added = communityStaff.post("/api/v1/rosters", planned.get(i),
						key("shift-" + today + "-" + i));
				require(added, "put a shift on the roster", tenant);
			}
			return planned.size();
		}

		private static Map<String, Object> shift(String centerId, String subject, String name, String role,
				OffsetDateTime startsAt, OffsetDateTime endsAt) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("centerId", centerId);
			body.put("staffSubject", subject);
			body.put("staffName", name);
			body.put("dutyRole", role);
			body.put("startsAt", iso(startsAt));
			body.put("endsAt", iso(endsAt));
			return body;
		}

		/**
		 * Upcoming bookings of the community center's rooms: a resident's confirmed one, a resident's request for
		 * the hall that waits for approval, an organization's evening booking; and a staff booking of the district
		 * center's hall. Each is made unless a booking with its purpose is still ahead.
		 */
		int bookings(Map<String, String> rooms) {
			LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
			TenantSession.Caller resident = session.as("RESIDENT");
			int ahead = 0;
			ahead += booking(resident, rooms.get("activity"), "老年书法兴趣小组练习", tomorrow, "09:00", "10:30",
					Map.of("attendees", 12));
			ahead += booking(resident, rooms.get("hall"), "楼栋居民议事会", tomorrow, "15:00", "16:00",
					Map.of("attendees", 15));
			ahead += booking(resident, rooms.get("activity"), "社区舞蹈队排练", tomorrow.plusDays(1), "19:00", "20:30",
					Map.of("attendees", 20, "bookerType", "ORGANIZATION", "organizationName", "夕阳红舞蹈队"));
			ahead += booking(admin, rooms.get("district-hall"), "全区党群服务中心工作推进会", tomorrow.plusDays(2), "09:00",
					"11:30", Map.of("attendees", 120));
			return ahead;
		}

		private int booking(TenantSession.Caller booker, String roomId, String purpose, LocalDate day, String from,
				String to, Map<String, Object> extra) {
			OffsetDateTime now = OffsetDateTime.now(zone);
			ApiResponse ahead = admin.get("/api/v1/bookings?roomId=" + roomId + "&from=" + q(iso(now)) + "&to="
					+ q(iso(now.plusDays(59))) + "&limit=100");
			require(ahead, "list the room's bookings", tenant);
			boolean held = ahead.items().stream()
				.anyMatch(b -> purpose.equals(b.path("purpose").asString(""))
						&& List.of("PENDING", "CONFIRMED").contains(b.path("status").asString("")));
			if (held) {
				return 1;
			}
			Map<String, Object> body = new LinkedHashMap<>(extra);
			body.put("roomId", roomId);
			body.put("startsAt", iso(at(day, from)));
			body.put("endsAt", iso(at(day, to)));
			body.put("purpose", purpose);
			ApiResponse created = booker.post("/api/v1/bookings", body, key("booking-" + roomId + "-" + day + "-" + from));
			require(created, "book " + purpose, tenant);
			return 1;
		}

		/**
		 * An activity in the activity room three days ahead with three seats: the party member, the volunteer and
		 * the resident sign up and get them, the grid worker lands on the waiting list.
		 */
		String activity(String centerId, String roomId) {
			String title = "“学党史、办实事”主题党日活动";
			OffsetDateTime now = OffsetDateTime.now(zone);
			ApiResponse ahead = admin.get("/api/v1/activities?centerId=" + centerId + "&from=" + q(iso(now)) + "&to="
					+ q(iso(now.plusDays(60))) + "&limit=100");
			require(ahead, "list activities", tenant);
			Optional<JsonNode> existing = ahead.items().stream()
				.filter(a -> title.equals(a.path("title").asString(""))
						&& "PUBLISHED".equals(a.path("status").asString("")))
				.findFirst();
			String id;
			if (existing.isPresent()) {
				id = existing.get().path("id").asString();
			}
			else {
				LocalDate day = LocalDate.now(zone).plusDays(3);
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("centerId", centerId);
				body.put("roomId", roomId);
				body.put("category", "PARTY_EDUCATION");
				body.put("title", title);
				body.put("description", "重温入党誓词，分享学习体会，随后为辖区独居老人开展上门服务。");
				body.put("startsAt", iso(at(day, "14:30")));
				body.put("endsAt", iso(at(day, "16:30")));
				body.put("signupDeadline", iso(at(day, "12:00")));
				body.put("capacity", 3);
				ApiResponse created = communityStaff.post("/api/v1/activities", body, key("activity-" + day));
				require(created, "publish the activity", tenant);
				id = created.body().path("id").asString();
			}
			for (String role : List.of("PARTY_MEMBER", "VOLUNTEER", "RESIDENT", "GRID_WORKER")) {
				ApiResponse signup = session.as(role).post("/api/v1/activities/" + id + "/signups", Map.of());
				// 409: signed up by an earlier run (or closed), which is what we want
				if (signup.status() != 409) {
					require(signup, "sign up " + role + " for the activity", tenant);
				}
			}
			ApiResponse activity = admin.get("/api/v1/activities/" + id);
			require(activity, "read the activity", tenant);
			return activity.body().path("confirmedCount").asInt() + " confirmed + "
					+ activity.body().path("waitlistCount").asInt() + " waitlisted";
		}

		private OffsetDateTime at(LocalDate day, String time) {
			return ZonedDateTime.of(day, LocalTime.parse(time), zone).toOffsetDateTime();
		}

		/** ISO-8601 with seconds and offset, as the API expects. */
		private static String iso(OffsetDateTime time) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
		}

		private String key(String what) {
			return "demo-center-" + tenant.code() + "-" + what;
		}

	}

	/** Every record of a cursor-paginated list. */
	static List<JsonNode> all(TenantSession.Caller caller, String path) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			ApiResponse page = caller.get(cursor == null ? path : path + "&cursor=" + q(cursor));
			if (!page.isSuccess()) {
				throw new LauncherException("GET " + path + " failed: " + page);
			}
			items.addAll(page.items());
			JsonNode next = page.body().path("nextCursor");
			cursor = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
		}
		while (cursor != null);
		return items;
	}

	private static void require(ApiResponse response, String what, DemoTenant tenant) {
		if (!response.isSuccess()) {
			throw new LauncherException("Could not " + what + " in tenant " + tenant.code() + ": " + response);
		}
	}

	private static String q(Object value) {
		return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
	}

	private static Map<String, String> item(String code, String text) {
		return Map.of("code", code, "text", text);
	}

	private static Sub sub(String code, String name, int max) {
		return new Sub(code, name, max);
	}

	private static Map<String, String> span(String opens, String closes) {
		return Map.of("opens", opens, "closes", closes);
	}

	/** Monday to Friday (Saturday mornings too when there are extended hours). */
	private static Map<String, Object> weekly(List<Map<String, String>> spans, List<Map<String, Object>> extended,
			boolean byAppointment, List<Map<String, Object>> holidays, String note) {
		Map<String, Object> week = new LinkedHashMap<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
			week.put(day, spans);
		}
		if (!extended.isEmpty()) {
			week.put("SATURDAY", List.of(span("09:00", "12:00")));
		}
		Map<String, Object> hours = new LinkedHashMap<>();
		hours.put("mode", "WEEKLY");
		hours.put("weekly", week);
		hours.put("extended", extended);
		hours.put("holidays", holidays);
		hours.put("byAppointment", byAppointment);
		hours.put("note", note);
		return hours;
	}

	private static Map<String, Object> allYear(List<Map<String, String>> daily, String note) {
		return Map.of("mode", "ALL_YEAR", "daily", daily, "byAppointment", false, "note", note);
	}

	/** A tenant's district name (without the city), the bank hosting its pioneer station, its park, its area code. */
	private record Place(String district, String bank, String park, String areaCode) {
	}

	private record Sub(String code, String name, int max) {
	}

	private record Indicator(String code, String name, int weight, List<Sub> items) {

		Map<String, Object> body() {
			return Map.of("code", code, "name", name, "weight", weight, "items", items.stream()
				.map(s -> Map.<String, Object>of("code", s.code(), "name", s.name(), "maxScore", s.max()))
				.toList());
		}
	}

}
