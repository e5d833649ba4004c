package org.grassroots.center.evaluations;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the evaluation steps. */
public final class EvaluationRequests {

	private EvaluationRequests() {
	}

	/** Apply (申报) for a year's evaluation under a rubric; the year defaults to the rubric's. */
	public record Apply(@NotNull UUID centerId, @NotNull UUID rubricId, @Min(2000) @Max(2100) Integer year,
			@Size(max = 100) Map<String, Boolean> checklist, @Size(max = 400) Map<String, BigDecimal> selfScores,
			@Size(max = 2000) String summary) {
	}

	/** Representatives' opinion: how many took part, how many approved, what they said. */
	public record Review(@NotNull @Min(1) @Max(100000) Integer representatives,
			@NotNull @Min(0) @Max(100000) Integer approvals, @NotBlank @Size(max = 2000) String opinion) {
	}

	/** A score for every second-level indicator of the rubric. */
	public record Score(@NotNull @Size(min = 1, max = 400) Map<String, BigDecimal> scores,
			@Size(max = 2000) String note) {
	}

	/** The district's rating: the suggested stars unless {@code stars} overrides them (then a note is required). */
	public record Rate(@Min(0) @Max(5) Integer stars, @Size(max = 2000) String note) {
	}

	/** Publishing, with an optional note. */
	public record Publish(@Size(max = 2000) String note) {
	}
}
