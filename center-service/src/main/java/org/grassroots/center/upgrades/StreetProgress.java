package org.grassroots.center.upgrades;

import java.math.BigDecimal;
import java.util.Map;

/** Progress of the upgrade tasks of one street in a year. */
public record StreetProgress(String street, int tasks, Map<UpgradeTask.Batch, Integer> byBatch, int completed,
		int milestones, int signedOff, int overdue, int candidateSites, int selectedSites, BigDecimal leasedAreaM2) {
}
