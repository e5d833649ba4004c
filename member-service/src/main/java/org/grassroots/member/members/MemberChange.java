package org.grassroots.member.members;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update; absent fields stay. Transfers and mobile assignments have their own operations. */
public record MemberChange(@Pattern(regexp = ".*\\S.*") @Size(max = 50) String name, @Size(max = 30) String idNumber,
		@Size(max = 30) String phone, MemberCategory category, MemberStatus status, LocalDate joinedOn,
		@Size(max = 100) String workplace, @Size(min = 1, max = 200) String accountSubject) {
}
