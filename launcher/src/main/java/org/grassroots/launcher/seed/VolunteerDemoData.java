package org.grassroots.launcher.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.launcher.LauncherException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Demo data of volunteer-service: a few registered volunteers per tenant. */
final class VolunteerDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(VolunteerDemoData.class);

	static final String PATH = "/api/v1/volunteers";

	/** Made-up people serving in the tenant's demo community. */
	private static final Map<String, List<Volunteer>> BY_TENANT = Map.of(
			"441702", List.of(new Volunteer("陈晓燕", List.of("助老服务", "政策宣讲")),
					new Volunteer("黄志强", List.of("矛盾调解")), new Volunteer("林美玲", List.of("医疗义诊", "助老服务"))),
			"340202", List.of(new Volunteer("王建国", List.of("治安巡逻")),
					new Volunteer("李秀英", List.of("助老服务", "文艺活动")), new Volunteer("张伟", List.of("法律咨询"))));

	@Override
	public String describe() {
		return "volunteers";
	}

	@Override
	public void seed(TenantSession session) {
		String tenant = session.tenant().code();
		// the community's staff register them, as they would in the community office
		TenantSession.Caller staff = session.as("COMMUNITY_STAFF");
		ApiResponse list = staff.get(PATH + "?limit=100");
		if (list.status() == 404) {
			log.info("volunteer-service has no {} yet: no demo volunteers for tenant {}", PATH, tenant);
			return;
		}
		if (!list.isSuccess()) {
			throw new LauncherException("Could not list the volunteers of tenant " + tenant + ": " + list);
		}
		Set<String> existing = list.items().stream().map(v -> v.path("name").asString("")).collect(Collectors.toSet());
		int created = 0;
		List<Volunteer> volunteers = BY_TENANT.getOrDefault(tenant, List.of());
		for (int i = 0; i < volunteers.size(); i++) {
			Volunteer volunteer = volunteers.get(i);
			if (existing.contains(volunteer.name())) {
				continue;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", volunteer.name());
			body.put("region", session.tenant().community());
			body.put("skills", volunteer.skills());
			ApiResponse response = staff.post(PATH, body, "demo-volunteer-" + tenant + "-" + (i + 1));
			if (!response.isSuccess()) {
				throw new LauncherException("Could not create demo volunteer " + volunteer.name() + " in tenant "
						+ tenant + ": " + response);
			}
			created++;
		}
		if (created > 0) {
			log.info("Created {} demo volunteers in tenant {}", created, tenant);
		}
	}

	private record Volunteer(String name, List<String> skills) {
	}

}
