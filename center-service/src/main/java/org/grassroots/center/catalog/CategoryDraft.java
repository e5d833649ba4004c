package org.grassroots.center.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new category of the catalog. */
public record CategoryDraft(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String code,
		@NotBlank @Size(max = 50) String name, Integer sortOrder) {
}
