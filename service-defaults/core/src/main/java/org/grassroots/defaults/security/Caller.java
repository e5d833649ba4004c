package org.grassroots.defaults.security;

import java.util.Set;

import org.grassroots.defaults.problem.DomainProblem;

/**
 * Who is calling, as the gateway vouched for it in the internal token. Controllers take it as a method
 * parameter; services check roles and data scope with it.
 *
 * @param subject the person's subject, {@code client:{id}} for an integrator, {@code anonymous} for public calls
 * @param tenant district code, or {@code null} for a platform operator
 * @param roles role names (see {@link Roles})
 * @param region data scope: a path in the administrative tree; the district code alone is the whole tenant
 * @param kind {@code person}, {@code integrator} or {@code anonymous}
 * @param scopes integrator scopes
 * @param token the raw internal token, relayed to other services
 */
public record Caller(String subject, String tenant, Set<String> roles, String region, String kind,
		Set<String> scopes, String token) {

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean hasAnyRole(String... candidates) {
		for (String role : candidates) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** Throws a 403 problem unless the caller has one of the roles. */
	public Caller requireAnyRole(String... candidates) {
		if (!hasAnyRole(candidates)) {
			throw DomainProblem.forbidden();
		}
		return this;
	}

	/** Throws a 403 problem unless an integrator caller holds the scope (people pass: their roles decide). */
	public Caller requireScope(String scope) {
		if ("integrator".equals(kind) && !scopes.contains(scope)) {
			throw DomainProblem.forbidden();
		}
		return this;
	}

	/**
	 * Whether a record at {@code regionPath} lies in the caller's data scope: its path equals the caller's region
	 * or lies below it. A caller whose region is the tenant itself (or absent) sees the whole tenant.
	 */
	public boolean covers(String regionPath) {
		if (region == null || region.isEmpty() || region.equals(tenant)) {
			return true;
		}
		if (regionPath == null) {
			return false;
		}
		return regionPath.equals(region) || regionPath.startsWith(region + "/");
	}

	/** Throws a 404 problem (not 403: existence outside the scope is not revealed) unless covered. */
	public void requireCovers(String regionPath, String resource, Object id) {
		if (!covers(regionPath)) {
			throw DomainProblem.notFound(resource, id);
		}
	}

	/** The region prefix to filter lists by: the caller's region, or the tenant for tenant-wide callers. */
	public String scopePrefix() {
		return (region == null || region.isEmpty()) ? tenant : region;
	}

	public boolean isAnonymous() {
		return "anonymous".equals(kind);
	}
}
