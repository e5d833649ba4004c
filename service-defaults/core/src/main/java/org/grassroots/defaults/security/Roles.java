package org.grassroots.defaults.security;

/** Role names carried in the internal token's {@code roles} claim. */
public final class Roles {

	public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

	public static final String TENANT_ADMIN = "TENANT_ADMIN";

	public static final String STREET_STAFF = "STREET_STAFF";

	public static final String COMMUNITY_STAFF = "COMMUNITY_STAFF";

	public static final String GRID_HEAD = "GRID_HEAD";

	public static final String GRID_WORKER = "GRID_WORKER";

	public static final String PARTY_MEMBER = "PARTY_MEMBER";

	public static final String VOLUNTEER = "VOLUNTEER";

	public static final String RESIDENT = "RESIDENT";

	public static final String JUDGE = "JUDGE";

	public static final String AUDITOR = "AUDITOR";

	public static final String INTEGRATOR = "INTEGRATOR";

	/** Anonymous callers of public, read-only endpoints. */
	public static final String PUBLIC = "PUBLIC";

	private Roles() {
	}
}
