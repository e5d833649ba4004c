package org.grassroots.launcher.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.launcher.LauncherException;
import org.grassroots.launcher.demo.DemoTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's platform records for the demo: the tenants (as the platform operator) and one integrator client
 * per tenant (as its tenant admin), through the gateway's admin API.
 */
final class PlatformRecords {

	private static final Logger log = LoggerFactory.getLogger(PlatformRecords.class);

	/** What the demo integrator (think: the district's 12345 hotline) may do. */
	static final List<String> INTEGRATOR_SCOPES = List.of("volunteers:read", "volunteers:write", "cases:read",
			"cases:write", "centers:read");

	static final int INTEGRATOR_RATE_LIMIT_PER_MINUTE = 600;

	private final GatewayApi gateway;

	PlatformRecords(GatewayApi gateway) {
		this.gateway = gateway;
	}

	/** Creates the tenant unless the gateway already has it. */
	void ensureTenant(DemoTenant tenant, String operatorToken) {
		String path = "/api/v1/platform/tenants/" + tenant.code();
		ApiResponse existing = gateway.get(path, GatewayApi.bearer(operatorToken));
		if (existing.status() == 200) {
			return;
		}
		if (existing.status() != 404) {
			throw new LauncherException("Could not look up tenant " + tenant.code() + ": GET " + path + " → "
					+ existing);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", tenant.code());
		body.put("name", tenant.name());
		body.put("settings", Map.of("timeZone", tenant.timeZone()));
		ApiResponse created = gateway.post("/api/v1/platform/tenants", body, GatewayApi.bearer(operatorToken));
		// 409: another seeding run got there first, which is just as good
		if (!created.isSuccess() && created.status() != 409) {
			throw new LauncherException("Could not create tenant " + tenant.code() + ": " + created);
		}
		log.info("Created tenant {} {}", tenant.code(), tenant.name());
	}

	/**
	 * Whether the gateway accepts the API key: any answer but 401 means it knows the key (an integrator may well
	 * be forbidden the platform API, that is 403).
	 */
	boolean isKnownApiKey(DemoTenant tenant, String apiKey) {
		ApiResponse probe = gateway.get("/api/v1/platform/tenants/" + tenant.code(), GatewayApi.apiKey(apiKey));
		return probe.status() != 401;
	}

	/** Creates an integrator client for the tenant and returns its API key (shown only in this response). */
	String createIntegrator(DemoTenant tenant, String tenantAdminToken) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", tenant.name() + " 12345热线（本地演示）");
		body.put("scopes", INTEGRATOR_SCOPES);
		body.put("rateLimitPerMinute", INTEGRATOR_RATE_LIMIT_PER_MINUTE);
		ApiResponse created = gateway.post("/api/v1/platform/clients", body, GatewayApi.bearer(tenantAdminToken));
		String apiKey = created.body().path("apiKey").asString("");
		if (created.status() != 201 || apiKey.isEmpty()) {
			throw new LauncherException("Could not create the integrator client of tenant " + tenant.code() + ": "
					+ created);
		}
		log.info("Created integrator client {} for tenant {}", created.body().path("id").asString(""),
				tenant.code());
		return apiKey;
	}

}
