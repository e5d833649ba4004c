package org.grassroots.center.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new item in a category. */
public record ItemDraft(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String code,
		@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String categoryCode, @NotBlank @Size(max = 50) String name,
		@Size(max = 500) String description, Integer sortOrder) {
}
