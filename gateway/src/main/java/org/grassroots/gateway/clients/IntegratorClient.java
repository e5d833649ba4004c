package org.grassroots.gateway.clients;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A municipal system (12345 hotline, big-data centre, mini-program back end) that calls the platform with an
 * API key on behalf of one district. The key itself is never stored or shown again after issue.
 */
public record IntegratorClient(UUID id, String tenantId, String name, String keyPrefix, List<String> scopes,
		int rateLimitPerMinute, List<String> allowedIps, ClientStatus status, OffsetDateTime createdAt,
		OffsetDateTime revokedAt) {

	public IntegratorClient {
		scopes = scopes == null ? List.of() : List.copyOf(scopes);
		allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
	}

	public boolean isActive() {
		return status == ClientStatus.ACTIVE;
	}

}
