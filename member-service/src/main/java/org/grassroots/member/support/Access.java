package org.grassroots.member.support;

import java.util.Arrays;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.springframework.http.HttpStatus;

/** Role groups used across member-service, and the checks every feature shares. */
public final class Access {

	/** District, street and community staff: they act within their region. */
	public static final String[] STAFF = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF };

	/** Integrator scope for reading organizations, central households and evaluations (no personal data). */
	public static final String READ_SCOPE = "members:read";

	/** Integrator scope for imports. */
	public static final String WRITE_SCOPE = "members:write";

	private Access() {
	}

	public static String[] staffAnd(String... more) {
		String[] all = Arrays.copyOf(STAFF, STAFF.length + more.length);
		System.arraycopy(more, 0, all, STAFF.length, more.length);
		return all;
	}

	public static boolean isStaff(Caller caller) {
		return "person".equals(caller.kind()) && caller.hasAnyRole(STAFF);
	}

	/** Staff whose data scope is the whole district (tenant admins, or staff configured at district level). */
	public static boolean tenantWide(Caller caller) {
		String region = caller.region();
		return region == null || region.isEmpty() || region.equals(caller.tenant());
	}

	/** 403 with {@code region-outside-scope} unless the caller's data scope covers the region. */
	public static void requireScope(Caller caller, String region) {
		if (!caller.covers(region)) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "region-outside-scope", caller.scopePrefix());
		}
	}

	/** Every call here needs a tenant and a known caller; anonymous public calls never reach member data. */
	public static void requireTenantCaller(Caller caller) {
		if (caller.tenant() == null || caller.isAnonymous()) {
			throw DomainProblem.forbidden();
		}
	}
}
