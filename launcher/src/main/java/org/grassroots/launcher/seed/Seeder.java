package org.grassroots.launcher.seed;

import java.util.List;
import java.util.function.BiFunction;

import org.grassroots.launcher.credentials.LocalCredentials;
import org.grassroots.launcher.demo.DemoTenant;
import org.grassroots.launcher.demo.DemoTenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo through the real APIs: tenants, one integrator client per tenant, then each service's demo data.
 * Safe to run on every start.
 */
public final class Seeder {

	private static final Logger log = LoggerFactory.getLogger(Seeder.class);

	private final GatewayApi gateway;

	private final BiFunction<String, String, String> tokens;

	private final List<DemoData> demoData;

	/**
	 * @param tokens (tenant code, role) → access token from the issuer; the operator with role
	 * {@code PLATFORM_OPERATOR}
	 */
	public Seeder(GatewayApi gateway, BiFunction<String, String, String> tokens, List<DemoData> demoData) {
		this.gateway = gateway;
		this.tokens = tokens;
		this.demoData = List.copyOf(demoData);
	}

	/** Every service's demo data, in the order the seeding runs. */
	public static List<DemoData> allDemoData() {
		// grid's area first (member-service's central households link its households), its cases after the central
		// households exist (dispatch finds them as helpers)
		return List.of(new GridDemoData(GridDemoData.Part.AREA), new MemberDemoData(),
				new GridDemoData(GridDemoData.Part.CASES), new CenterDemoData(), new VolunteerDemoData(),
				new ProjectDemoData());
	}

	/** Returns the credentials with each tenant's integrator API key filled in. */
	public LocalCredentials seed(LocalCredentials credentials) {
		PlatformRecords records = new PlatformRecords(gateway);
		String operatorToken = tokens.apply(null, DemoTenants.PLATFORM_OPERATOR);
		LocalCredentials result = credentials;
		for (DemoTenant tenant : DemoTenants.all()) {
			records.ensureTenant(tenant, operatorToken);
			String apiKey = result.tenant(tenant.code()).apiKey();
			if (apiKey == null || !records.isKnownApiKey(tenant, apiKey)) {
				if (apiKey != null) {
					log.info("The stored API key of tenant {} is no longer known to the gateway; creating a new one",
							tenant.code());
				}
				apiKey = records.createIntegrator(tenant, tokens.apply(tenant.code(), "TENANT_ADMIN"));
				result = result.withApiKey(tenant.code(), apiKey);
			}
			TenantSession session = new TenantSession(tenant, gateway, tokens);
			for (DemoData data : demoData) {
				log.debug("Seeding {} of tenant {}", data.describe(), tenant.code());
				data.seed(session);
			}
		}
		return result;
	}

}
