package org.grassroots.member.households;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.grassroots.member.members.MemberCategory;

/**
 * A batch of central households to import: each row names the designating organization, the member (matched
 * by ID number when already registered, otherwise registered), the roles and the linked households. All or
 * nothing per batch.
 */
public record ImportRequest(@NotEmpty @Size(max = ImportRequest.MAX_ROWS) List<@NotNull @Valid Row> rows) {

	public static final int MAX_ROWS = 500;

	public record Row(@NotNull UUID organizationId, @NotNull @Valid Member member,
			@NotEmpty @Size(max = 5) List<@NotNull CentralHouseholdRole> roles, @Size(max = 50) String plaqueNo,
			LocalDate designatedOn, @Size(max = 50) List<@NotNull UUID> householdIds) {
	}

	/** @param organizationId where a new member's organizational relationship is kept; defaults to the row's */
	public record Member(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 30) String idNumber,
			@Size(max = 30) String phone, MemberCategory category, UUID organizationId, LocalDate joinedOn,
			@Size(max = 100) String workplace) {
	}
}
