package org.grassroots.gateway.caller;

/** Role names the gateway itself acts on; services know more (see docs/architecture.md). */
public final class Roles {

	public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

	public static final String TENANT_ADMIN = "TENANT_ADMIN";

	public static final String INTEGRATOR = "INTEGRATOR";

	public static final String PUBLIC = "PUBLIC";

	private Roles() {
	}

}
