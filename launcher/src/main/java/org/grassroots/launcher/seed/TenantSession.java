package org.grassroots.launcher.seed;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.grassroots.launcher.demo.DemoTenant;

/** A demo tenant and its demo people, each calling the gateway with its own issuer token. */
public final class TenantSession {

	private final DemoTenant tenant;

	private final GatewayApi gateway;

	private final BiFunction<String, String, String> tokens;

	private final Map<String, String> tokenByRole = new HashMap<>();

	/**
	 * @param tokens (tenant code, role) → access token
	 */
	TenantSession(DemoTenant tenant, GatewayApi gateway, BiFunction<String, String, String> tokens) {
		this.tenant = tenant;
		this.gateway = gateway;
		this.tokens = tokens;
	}

	public DemoTenant tenant() {
		return tenant;
	}

	/** The gateway, called as the tenant's demo person with this role. */
	public Caller as(String role) {
		String token = tokenByRole.computeIfAbsent(role, r -> tokens.apply(tenant.code(), r));
		return new Caller(gateway, token);
	}

	/** Calls as one person. */
	public record Caller(GatewayApi gateway, String token) {

		public ApiResponse get(String path) {
			return gateway.get(path, GatewayApi.bearer(token));
		}

		public ApiResponse post(String path, Object body) {
			return gateway.post(path, body, GatewayApi.bearer(token));
		}

		/** A create that is safe to repeat: the services store the first response under the key. */
		public ApiResponse post(String path, Object body, String idempotencyKey) {
			Map<String, String> headers = new HashMap<>(GatewayApi.bearer(token));
			headers.put("Idempotency-Key", idempotencyKey);
			return gateway.post(path, body, headers);
		}

	}

}
