package org.grassroots.member.members;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A party member as the API shows it. {@code idNumber} and {@code phone} are masked ({@code 4417**********1234},
 * {@code 138****5678}) unless they are listed in {@code revealed}: then they are the plaintext, and the read was
 * audited.
 *
 * @param organizationId the organization holding the member's organizational relationship
 * @param mobileBranchId for mobile members: the mobile branch they are brought under
 * @param accountSubject the member's own login subject, so they can see their own record and log their work
 */
public record PartyMember(UUID id, UUID organizationId, String organizationName, String name, String idNumber,
		String phone, List<String> revealed, MemberCategory category, MemberStatus status, LocalDate joinedOn,
		String workplace, UUID mobileBranchId, String mobileLocation, String accountSubject, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version) {
}
