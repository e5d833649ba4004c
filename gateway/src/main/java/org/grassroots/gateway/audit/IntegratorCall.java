package org.grassroots.gateway.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One integrator request as the audit log records it. */
public record IntegratorCall(String tenantId, UUID clientId, String routeId, String method, String path, int status,
		int latencyMs, OffsetDateTime at) {

}
