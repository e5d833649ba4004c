package org.grassroots.member.organizations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A party organization as the API shows it.
 *
 * @param region the part of the administrative tree it serves (a street, a community, a grid)
 * @param gridId for grid branches: grid-service's grid
 * @param buildingId for building groups: grid-service's building, when known
 * @param socialOrganizations for joint branches: the social organizations it covers
 * @param contactPhone the organization's public office phone (not personal data): how residents reach a
 *     central household through the community
 */
public record PartyOrganization(UUID id, UUID parentId, String name, OrganizationLevel level,
		OrganizationCategory category, String region, UUID gridId, UUID buildingId, List<String> socialOrganizations,
		String contactPhone, OrganizationStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		long version) {
}
