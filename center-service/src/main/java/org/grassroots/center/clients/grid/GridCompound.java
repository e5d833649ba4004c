package org.grassroots.center.clients.grid;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A residential compound as center-service reads it from grid-service ({@code GET /api/v1/compounds}): where it
 * is and how many people live there. Owned by this consumer; fields the provider adds later are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GridCompound(UUID id, String name, String region, Location location, Integer population) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Location(Double lat, Double lng) {
	}
}
