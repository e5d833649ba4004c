package org.grassroots.member.members;

import java.util.UUID;

/** What other features need to know about a member: who, where, and whether they are active. */
public record MemberSummary(UUID id, String name, MemberCategory category, MemberStatus status, UUID organizationId,
		String organizationRegion, String accountSubject) {
}
