package org.grassroots.grid.casework;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Hours from report to resolution for a category and priority; category {@code *} is the district's default.
 */
public record SlaRule(@NotBlank @Pattern(regexp = "\\*|[a-z0-9][a-z0-9-]{0,39}") String category,
		@NotNull Priority priority, @NotNull @Min(1) @Max(8760) Integer hours) {
}
