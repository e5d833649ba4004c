package org.grassroots.launcher.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.launcher.LocalPlatform;
import org.grassroots.launcher.demo.DemoTenants;

import static org.assertj.core.api.Assertions.assertThat;

/** Records the tests need, created through the gateway like any client would. */
final class Fixtures {

	/** 阳江市江城区 */
	static final String A = "441702";

	/** 芜湖市镜湖区 */
	static final String B = "340202";

	static final String VOLUNTEERS = "/api/v1/volunteers";

	private Fixtures() {
	}

	/** Registers a volunteer in the tenant's demo community as its administrator; returns the id. */
	static String volunteer(LocalPlatform platform, Gateway gateway, String tenant, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("region", DemoTenants.byCode(tenant).community());
		body.put("skills", List.of("测试"));
		Gateway.Reply created = gateway.post(VOLUNTEERS, body)
			.bearer(platform.tokenFor(tenant, "TENANT_ADMIN"))
			.send();
		assertThat(created.status()).as("register volunteer: %s", created).isEqualTo(201);
		return created.json().path("id").asString();
	}

	/** An integrator client of the tenant; returns its id and API key. */
	static Integrator integrator(LocalPlatform platform, Gateway gateway, String tenant, int ratePerMinute) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "e2e-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("scopes", List.of("volunteers:read"));
		body.put("rateLimitPerMinute", ratePerMinute);
		Gateway.Reply created = gateway.post("/api/v1/platform/clients", body)
			.bearer(platform.tokenFor(tenant, "TENANT_ADMIN"))
			.send();
		assertThat(created.status()).as("create integrator: %s", created).isEqualTo(201);
		return new Integrator(created.json().path("id").asString(), created.json().path("apiKey").asString());
	}

	record Integrator(String id, String apiKey) {
	}

}
