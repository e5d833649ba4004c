package org.grassroots.member.organizations;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request to found an organization; without {@code parentId} it is a root (e.g. the district committee). */
public record NewOrganization(@NotBlank @Size(max = 100) String name, @NotNull OrganizationLevel level,
		OrganizationCategory category, UUID parentId, @NotNull @Size(max = 200) String region, UUID gridId,
		UUID buildingId, @Size(max = 30) List<@NotBlank @Size(max = 100) String> socialOrganizations,
		@Pattern(regexp = "[0-9+\\- ]{5,20}") String contactPhone) {
}
