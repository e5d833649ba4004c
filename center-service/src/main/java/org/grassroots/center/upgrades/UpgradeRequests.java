package org.grassroots.center.upgrades;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.grassroots.center.support.GeoPoint;

/** Request bodies of upgrade tasks. */
public final class UpgradeRequests {

	private UpgradeRequests() {
	}

	/** A new task in a street (or below); milestones by month {@code YYYY-MM}. */
	public record TaskDraft(@NotNull UpgradeTask.Batch batch, @NotBlank @Size(max = 100) String title,
			@NotBlank @Size(max = 120) String region, UUID centerId, @NotNull @Min(2000) @Max(2100) Integer year,
			@NotNull @Size(min = 1, max = 24) List<@NotNull @Valid MilestoneDraft> milestones) {
	}

	public record MilestoneDraft(@NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String month,
			@NotBlank @Size(max = 200) String goal) {
	}

	public record SignOff(@Size(max = 500) String note) {
	}

	/** A candidate site; {@code leasedAreaM2} is required for LEASE and forbidden otherwise. */
	public record SiteDraft(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String address,
			@NotNull @Valid GeoPoint location, @NotNull UpgradeTask.SiteMode mode,
			@DecimalMin("0.1") @DecimalMax("1000000") BigDecimal leasedAreaM2) {
	}

	public record SiteDecision(@NotNull UpgradeTask.SiteStatus status) {
	}
}
