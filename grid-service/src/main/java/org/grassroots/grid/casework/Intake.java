package org.grassroots.grid.casework;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case to take in, from any door: the REST API, a patrol finding, an Open311 request.
 *
 * @param attributes answers by attribute code (several for multi-value lists)
 */
public record Intake(Channel channel, String category, Priority priority, String title, String description,
		Double lat, Double lng, String address, UUID householdId, UUID gridId, UUID patrolId, String reporterName,
		String reporterPhone, List<AttachmentInput> attachments, Map<String, List<String>> attributes,
		String externalId) {

	/** @param created false when an earlier report with the same external id was returned */
	public record Result(CaseView view, boolean created) {
	}
}
