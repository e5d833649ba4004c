package org.grassroots.grid.patrols;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A grid worker's patrol (巡查): when, where, the track as a GeoJSON LineString (on single reads), and the cases
 * its findings became.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Patrol(UUID id, UUID gridId, String region, String worker, String status, OffsetDateTime startedAt,
		OffsetDateTime endedAt, int pointCount, double distanceMeters, String note, @JsonRawValue String track,
		List<Finding> findings, long version) {

	/** A finding that became a case. */
	public record Finding(UUID caseId, String number, String category, String status) {
	}
}
