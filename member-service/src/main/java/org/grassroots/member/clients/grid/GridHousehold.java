package org.grassroots.member.clients.grid;

import java.util.UUID;

/** A household as grid-service describes it ({@code GET /api/v1/households/{id}}); what member-service reads. */
public record GridHousehold(UUID id, UUID gridId, String region, UUID compoundId, UUID buildingId) {
}
