package org.grassroots.member.evaluations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A community's or street's score (0-100) with an optional comment. */
public record Score(@NotNull @Min(0) @Max(100) Integer score, @Size(max = 500) String comment) {
}
