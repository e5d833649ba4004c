package org.grassroots.gateway.clients;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A newly issued client with its API key: the only time the key is ever shown.
 */
public record IssuedClient(UUID id, String tenantId, String name, String keyPrefix, String apiKey,
		List<String> scopes, int rateLimitPerMinute, List<String> allowedIps, ClientStatus status,
		OffsetDateTime createdAt) {

	static IssuedClient of(IntegratorClient client, String apiKey) {
		return new IssuedClient(client.id(), client.tenantId(), client.name(), client.keyPrefix(), apiKey,
				client.scopes(), client.rateLimitPerMinute(), client.allowedIps(), client.status(), client.createdAt());
	}

}
