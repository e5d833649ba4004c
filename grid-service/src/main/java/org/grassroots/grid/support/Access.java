package org.grassroots.grid.support;

import org.grassroots.defaults.security.Roles;

/** Who may do what in grid-service, as role sets for {@code Caller.requireAnyRole}. */
public final class Access {

	/** Manage grids, compounds, buildings, households, categories and SLAs within their region. */
	public static final String[] MANAGERS = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF };

	/** Work cases and patrol: managers and grid staff. */
	public static final String[] CASE_STAFF = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF,
			Roles.GRID_HEAD, Roles.GRID_WORKER };

	/** Read households and residents (masked) within their region. */
	public static final String[] HOUSEHOLD_READERS = { Roles.TENANT_ADMIN, Roles.STREET_STAFF,
			Roles.COMMUNITY_STAFF, Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.AUDITOR };

	/** See personal data in plain text (ID numbers, phones, exact addresses), every read audited. */
	public static final String[] PLAINTEXT_READERS = { Roles.TENANT_ADMIN, Roles.STREET_STAFF,
			Roles.COMMUNITY_STAFF, Roles.GRID_HEAD, Roles.GRID_WORKER };

	/** The household provider view (no personal data) for other services and their callers. */
	public static final String[] HOUSEHOLD_LOOKUP = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF,
			Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.PARTY_MEMBER, Roles.AUDITOR, Roles.INTEGRATOR };

	/** Report a case. */
	public static final String[] REPORTERS = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF,
			Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.PARTY_MEMBER, Roles.VOLUNTEER, Roles.RESIDENT,
			Roles.INTEGRATOR };

	private Access() {
	}

	public static String[] plus(String[] roles, String... more) {
		String[] all = java.util.Arrays.copyOf(roles, roles.length + more.length);
		System.arraycopy(more, 0, all, roles.length, more.length);
		return all;
	}
}
