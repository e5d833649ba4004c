package org.grassroots.launcher.credentials;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A demo tenant: its integrator API key (for {@code X-API-Key}) and one issuer client per demo role.
 */
@JsonPropertyOrder({ "code", "name", "apiKey", "clients" })
public record TenantCredentials(String code, String name, String apiKey, List<ClientCredentials> clients) {

	public TenantCredentials {
		clients = List.copyOf(clients);
	}

	public ClientCredentials client(String role) {
		return clients.stream()
			.filter(c -> c.roles().contains(role))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Tenant " + code + " has no client with role " + role));
	}

	public TenantCredentials withApiKey(String key) {
		return new TenantCredentials(code, name, key, clients);
	}

}
