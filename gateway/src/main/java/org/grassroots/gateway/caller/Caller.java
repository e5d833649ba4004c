package org.grassroots.gateway.caller;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller of one request, resolved by the gateway from the credential only (never from a
 * client-supplied header). It becomes the claims of the internal token.
 * @param kind person, integrator or anonymous
 * @param subject the person's subject, {@code client:{id}} or {@code anonymous}
 * @param tenant the district code, or {@code null} for a platform operator without a tenant
 * @param roles role names
 * @param region data scope path in the administrative tree, or {@code null} if the credential names none
 * @param scopes integrator scopes
 * @param clientId the integrator client, or {@code null}
 * @param rateLimitPerMinute the integrator client's own limit, or {@code null} to use the configured default
 */
public record Caller(CallerKind kind, String subject, String tenant, List<String> roles, String region,
		List<String> scopes, UUID clientId, Integer rateLimitPerMinute) {

	/** Exchange attribute holding the caller once authenticated. */
	public static final String ATTRIBUTE = Caller.class.getName();

	public static final String ANONYMOUS_SUBJECT = "anonymous";

	public Caller {
		roles = roles == null ? List.of() : List.copyOf(roles);
		scopes = scopes == null ? List.of() : List.copyOf(scopes);
	}

	public static Caller person(String subject, String tenant, List<String> roles, String region) {
		return new Caller(CallerKind.PERSON, subject, tenant, roles, region, List.of(), null, null);
	}

	public static Caller integrator(UUID clientId, String tenant, List<String> scopes, int rateLimitPerMinute) {
		return new Caller(CallerKind.INTEGRATOR, "client:" + clientId, tenant, List.of(Roles.INTEGRATOR), tenant,
				scopes, clientId, rateLimitPerMinute);
	}

	public static Caller anonymous(String tenant) {
		return new Caller(CallerKind.ANONYMOUS, ANONYMOUS_SUBJECT, tenant, List.of(Roles.PUBLIC), tenant, List.of(),
				null, null);
	}

	public static Optional<Caller> of(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	/** Only a person holding {@code role} may go on; anyone else gets 403. */
	public void requireRole(String role) {
		if (kind != CallerKind.PERSON || !hasRole(role)) {
			throw ProblemException.of(ProblemType.FORBIDDEN, "forbidden.detail.role", role);
		}
	}

	/** A person holding {@code role} within a tenant; returns the tenant. */
	public String requireTenantRole(String role) {
		requireRole(role);
		if (tenant == null) {
			throw ProblemException.of(ProblemType.FORBIDDEN, "forbidden.detail.role", role);
		}
		return tenant;
	}

}
