package org.grassroots.launcher.credentials;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.grassroots.launcher.demo.DemoClient;
import org.grassroots.launcher.demo.DemoTenant;
import org.grassroots.launcher.demo.DemoTenants;

/**
 * What a developer needs to call the local platform, as written to {@code .grassroots/local-credentials.json}:
 * {@code {"gateway", "issuer", "tenants": [{"code", "name", "apiKey", "clients": [{"clientId", "clientSecret",
 * "roles"}]}], "operator": {...}}}.
 */
@JsonPropertyOrder({ "gateway", "issuer", "tenants", "operator" })
public record LocalCredentials(String gateway, String issuer, List<TenantCredentials> tenants,
		ClientCredentials operator) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public LocalCredentials {
		tenants = List.copyOf(tenants);
	}

	/**
	 * Credentials for the demo tenants: client secrets and API keys carried over from an earlier run when there is
	 * one (so scripts keep working across restarts), new secrets otherwise. API keys are filled in by seeding.
	 */
	public static LocalCredentials forDemo(String gateway, String issuer, Optional<LocalCredentials> previous) {
		Map<String, String> secrets = new HashMap<>();
		Map<String, String> apiKeys = new HashMap<>();
		previous.ifPresent(p -> {
			p.tenants().forEach(t -> {
				if (t.apiKey() != null) {
					apiKeys.put(t.code(), t.apiKey());
				}
				t.clients().forEach(c -> secrets.put(c.clientId(), c.clientSecret()));
			});
			if (p.operator() != null) {
				secrets.put(p.operator().clientId(), p.operator().clientSecret());
			}
		});
		List<TenantCredentials> tenants = DemoTenants.all()
			.stream()
			.map(t -> new TenantCredentials(t.code(), t.name(), apiKeys.get(t.code()), clients(t, secrets)))
			.toList();
		return new LocalCredentials(gateway, issuer, tenants, client(DemoTenants.operator(), secrets));
	}

	private static List<ClientCredentials> clients(DemoTenant tenant, Map<String, String> secrets) {
		return tenant.clients().stream().map(c -> client(c, secrets)).toList();
	}

	private static ClientCredentials client(DemoClient client, Map<String, String> secrets) {
		String secret = secrets.get(client.clientId());
		return new ClientCredentials(client.clientId(), secret != null ? secret : newSecret(), client.roles());
	}

	private static String newSecret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public TenantCredentials tenant(String code) {
		return tenants.stream()
			.filter(t -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No tenant " + code + " in the local credentials"));
	}

	/** The client of a tenant with the role, or the operator for {@code PLATFORM_OPERATOR}. */
	public ClientCredentials client(String tenantCode, String role) {
		if (DemoTenants.PLATFORM_OPERATOR.equals(role)) {
			return operator;
		}
		return tenant(tenantCode).client(role);
	}

	/** Client id → secret, for registering the clients with the issuer. */
	public Map<String, String> secretsByClientId() {
		Map<String, String> secrets = new HashMap<>();
		tenants.forEach(t -> t.clients().forEach(c -> secrets.put(c.clientId(), c.clientSecret())));
		secrets.put(operator.clientId(), operator.clientSecret());
		return Map.copyOf(secrets);
	}

	public LocalCredentials withApiKey(String tenantCode, String apiKey) {
		List<TenantCredentials> updated = tenants.stream()
			.map(t -> t.code().equals(tenantCode) ? t.withApiKey(apiKey) : t)
			.toList();
		return new LocalCredentials(gateway, issuer, updated, operator);
	}

}
