package org.grassroots.center.support;

import org.grassroots.defaults.security.Roles;

/** Who may do what in center-service, as role sets for {@code Caller.requireAnyRole}. */
public final class Access {

	/** Run centers, rooms, rosters and activities, decide bookings: within their region. */
	public static final String[] MANAGERS = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF };

	/** Read the staff views of centers, rooms, rosters, evaluations and tasks. */
	public static final String[] READERS = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF,
			Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.AUDITOR, Roles.INTEGRATOR };

	/** Book rooms and sign up for activities for themselves. */
	public static final String[] RESIDENTS = { Roles.RESIDENT, Roles.PARTY_MEMBER, Roles.VOLUNTEER, Roles.GRID_HEAD,
			Roles.GRID_WORKER };

	/** Everyone of the district who is signed in (the catalog, activity lists). */
	public static final String[] ANY_PERSON = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF,
			Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.PARTY_MEMBER, Roles.VOLUNTEER, Roles.RESIDENT, Roles.AUDITOR,
			Roles.INTEGRATOR, Roles.JUDGE };

	private Access() {
	}

	public static String[] plus(String[] roles, String... more) {
		String[] all = java.util.Arrays.copyOf(roles, roles.length + more.length);
		System.arraycopy(more, 0, all, roles.length, more.length);
		return all;
	}
}
