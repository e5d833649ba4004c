package org.grassroots.member.members;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request to register a party member with the organization that holds their organizational relationship. */
public record MemberRegistration(@NotNull UUID organizationId, @NotBlank @Size(max = 50) String name,
		@NotBlank @Size(max = 30) String idNumber, @Size(max = 30) String phone, @NotNull MemberCategory category,
		LocalDate joinedOn, @Size(max = 100) String workplace, @Size(min = 1, max = 200) String accountSubject) {
}
