package org.grassroots.grid.statistics;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Case statistics per unit over a period.
 *
 * @param level street, community or grid
 * @param units one row per unit that had any activity (unit {@code null}: cases outside every unit of that level)
 * @param total all units together
 */
public record CaseStatistics(String level, String region, OffsetDateTime from, OffsetDateTime to, List<Row> units,
		Row total) {

	/**
	 * One unit's figures.
	 *
	 * @param received cases reported in the period
	 * @param closed cases closed in the period
	 * @param resolved cases resolved in the period
	 * @param resolvedOnTime of those, resolved by their SLA deadline
	 * @param onTimeRate resolvedOnTime / resolved
	 * @param meanHandlingHours mean hours from report to resolution of the cases resolved in the period
	 * @param satisfaction mean rating (1–5) of the cases evaluated in the period
	 * @param rated how many were evaluated
	 * @param escalations escalations that happened in the period
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(String unit, String name, long received, long closed, long resolved, long resolvedOnTime,
			Double onTimeRate, Double meanHandlingHours, Double satisfaction, long rated, long escalations) {
	}
}
