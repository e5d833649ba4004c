package org.grassroots.center.upgrades;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * An upgrade task of one of the three batches (三个一批), with monthly milestones signed off one by one (一月一销号)
 * and candidate sites. COMPLETED once every milestone is signed off.
 */
public record UpgradeTask(UUID id, Batch batch, String title, String region, String street, UUID centerId, int year,
		Status status, List<Milestone> milestones, List<CandidateSite> candidateSites, String createdBy,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	public enum Batch {
		/** 示范一批 */
		DEMONSTRATION,
		/** 提升一批 */
		UPGRADE,
		/** 新建一批 */
		NEW_BUILD
	}

	public enum Status {
		IN_PROGRESS, COMPLETED
	}

	/** One month's goal; signed off (销号) when met. {@code overdue}: the month has passed unsigned. */
	public record Milestone(YearMonth month, String goal, OffsetDateTime signedOffAt, String signedOffBy, String note,
			boolean overdue) {
	}

	/** A possible site: vacate (腾退), lease (租赁, with the leased area) or build (新建). */
	public record CandidateSite(UUID id, String name, String address, double lat, double lng, SiteMode mode,
			BigDecimal leasedAreaM2, SiteStatus status, OffsetDateTime createdAt) {
	}

	public enum SiteMode {
		VACATE, LEASE, BUILD
	}

	public enum SiteStatus {
		CANDIDATE, SELECTED, REJECTED
	}
}
