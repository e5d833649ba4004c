package org.grassroots.center.standards;

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

/** A new star rubric; see {@link StarRubric} for the rules. */
public record RubricDraft(@NotBlank @Size(max = 100) String name, @NotNull @Min(2000) @Max(2100) Integer year,
		UUID standardId, @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Indicator> indicators,
		@NotNull @Size(min = 5, max = 5) List<@NotNull @DecimalMin("0.01") @DecimalMax("100") BigDecimal> starThresholds,
		@NotNull @Size(max = 5) List<@NotNull @Valid RewardTier> rewardTiers) {

	public record Indicator(@NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,40}") String code,
			@NotBlank @Size(max = 100) String name, @NotNull @DecimalMin("0.01") @DecimalMax("100") BigDecimal weight,
			@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid SubIndicator> items) {
	}

	public record SubIndicator(@NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,40}") String code,
			@NotBlank @Size(max = 200) String name,
			@NotNull @DecimalMin("0.01") @DecimalMax("1000") BigDecimal maxScore) {
	}

	public record RewardTier(@NotNull @Min(1) @Max(5) Integer stars, @NotBlank @Size(max = 50) String tier,
			@NotNull @Min(0) @Max(1_000_000_000_000L) Long amountFen) {
	}
}
