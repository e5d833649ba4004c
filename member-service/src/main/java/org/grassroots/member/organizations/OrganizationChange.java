package org.grassroots.member.organizations;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update; absent fields stay. Parent and region change through a move, which keeps history. */
public record OrganizationChange(@Pattern(regexp = ".*\\S.*") @Size(max = 100) String name,
		@Pattern(regexp = "[0-9+\\- ]{5,20}") String contactPhone,
		@Size(max = 30) List<@Pattern(regexp = ".*\\S.*") @Size(max = 100) String> socialOrganizations,
		OrganizationStatus status) {
}
