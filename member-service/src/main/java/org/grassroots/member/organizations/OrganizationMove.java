package org.grassroots.member.organizations;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One move in an organization's history. */
public record OrganizationMove(UUID id, UUID organizationId, UUID fromParentId, UUID toParentId, String fromRegion,
		String toRegion, String reason, String movedBy, OffsetDateTime movedAt) {
}
