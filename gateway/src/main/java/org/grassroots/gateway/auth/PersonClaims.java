package org.grassroots.gateway.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.caller.Roles;
import org.grassroots.gateway.tenants.Tenant;

/**
 * Maps the claims of a verified OIDC token to a {@link Caller}. The rules:
 * <ul>
 * <li>{@code sub} is required.</li>
 * <li>the tenant claim, when present, is a six-digit district code; only a platform operator may have none.</li>
 * <li>roles come as an array or a space/comma separated string; names are normalized to upper snake case and
 * anything else is dropped. {@code INTEGRATOR} and {@code PUBLIC} are reserved for the gateway.</li>
 * <li>the region claim, when present, is the tenant code or a path below it ({@code 110105/001/...}).</li>
 * </ul>
 */
final class PersonClaims {

	private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private static final Pattern REGION_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Set<String> RESERVED_ROLES = Set.of(Roles.INTEGRATOR, Roles.PUBLIC);

	private PersonClaims() {
	}

	static Caller toCaller(Map<String, Object> claims, OidcProperties properties) {
		Object sub = claims.get("sub");
		if (!(sub instanceof String subject) || subject.isBlank() || subject.length() > 255) {
			throw new InvalidClaimsException("sub");
		}
		String tenant = tenant(find(claims, properties.tenantClaim()), properties.tenantClaim());
		List<String> roles = roles(find(claims, properties.rolesClaim()));
		if (tenant == null && !roles.contains(Roles.PLATFORM_OPERATOR)) {
			throw new InvalidClaimsException(properties.tenantClaim());
		}
		String region = region(find(claims, properties.regionClaim()), tenant, properties.regionClaim());
		return Caller.person(subject, tenant, roles, region);
	}

	/** A claim by name, or by dotted path into nested objects (e.g. {@code realm_access.roles}). */
	static Object find(Map<String, Object> claims, String name) {
		if (claims.containsKey(name)) {
			return claims.get(name);
		}
		Object current = claims;
		for (String part : name.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

	private static String tenant(Object value, String claim) {
		if (value == null) {
			return null;
		}
		String text = value instanceof Number number ? number.toString() : (value instanceof String s ? s : null);
		if (text == null || !Tenant.isValidCode(text)) {
			throw new InvalidClaimsException(claim);
		}
		return text;
	}

	static List<String> roles(Object value) {
		List<String> raw = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			collection.forEach(item -> {
				if (item instanceof String s) {
					raw.add(s);
				}
			});
		}
		else if (value instanceof String s) {
			raw.addAll(List.of(s.split("[\\s,]+")));
		}
		Set<String> roles = new LinkedHashSet<>();
		for (String role : raw) {
			String normalized = role.strip().toUpperCase(Locale.ROOT).replace('-', '_');
			if (ROLE.matcher(normalized).matches() && !RESERVED_ROLES.contains(normalized)) {
				roles.add(normalized);
			}
		}
		return List.copyOf(roles);
	}

	private static String region(Object value, String tenant, String claim) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String region) || tenant == null) {
			throw new InvalidClaimsException(claim);
		}
		if (!region.equals(tenant) && !region.startsWith(tenant + "/")) {
			throw new InvalidClaimsException(claim);
		}
		for (String segment : region.split("/", -1)) {
			if (!REGION_SEGMENT.matcher(segment).matches()) {
				throw new InvalidClaimsException(claim);
			}
		}
		return region;
	}

}
