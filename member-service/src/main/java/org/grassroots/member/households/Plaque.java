package org.grassroots.member.households;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The plaque (挂牌亮身份): who the central household is, their roles, the households they serve, and how to reach
 * them: through the community's office, never the member's own phone.
 */
public record Plaque(UUID centralHouseholdId, String plaqueNo, String memberName, String organizationName,
		List<Role> roles, LocalDate designatedOn, int householdCount, List<Household> households, Contact contact) {

	public record Role(CentralHouseholdRole code, String label) {
	}

	public record Household(UUID householdId, String region) {
	}

	public record Contact(String organizationName, String phone, String note) {
	}
}
