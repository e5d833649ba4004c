package org.grassroots.center.support;

import java.util.regex.Pattern;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;

/**
 * Public, read-only paths {@code /api/v1/public/{tenant}/...}: the gateway lets anonymous callers in with an
 * internal token whose tenant is the path's. Any caller of that tenant may read; the tenant in the path must be
 * the token's, else the district "does not exist" for this caller.
 */
public final class PublicAccess {

	private static final Pattern TENANT = Pattern.compile("\\d{6}");

	private PublicAccess() {
	}

	public static void require(Caller caller, String tenant) {
		if (tenant == null || !TENANT.matcher(tenant).matches() || !tenant.equals(caller.tenant())) {
			throw DomainProblem.notFound("辖区", tenant);
		}
	}
}
