package org.grassroots.center.coverage;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.grassroots.center.support.GeoPoint;

/**
 * Which {@code k} of the candidate sites would cover the most of the uncovered population. Candidates are given
 * here and/or taken from the upgrade tasks' candidate sites in the region ({@code includeUpgradeCandidates}).
 */
public record BestSitesRequest(@Size(max = 120) String region, @Min(100) @Max(5000) Integer walkMeters,
		@NotNull @Min(1) @Max(50) Integer k, @Size(max = 2000) List<@NotNull @Valid Candidate> candidates,
		Boolean includeUpgradeCandidates) {

	public record Candidate(@Size(max = 64) String id, @NotBlank @Size(max = 100) String name,
			@NotNull @Valid GeoPoint location) {
	}
}
