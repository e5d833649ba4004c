package org.grassroots.grid.casework;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category as the district administrator defines it (create or replace by code). */
public record CategoryDraft(@NotBlank @Size(max = 50) String name,
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String groupCode,
		@NotBlank @Size(max = 50) String groupName, @Size(max = 500) String description,
		@Size(max = 20) List<@NotBlank @Size(max = 20) String> keywords, Priority defaultPriority,
		Boolean publicVisible, @Size(max = 20) List<@Valid @NotNull CategoryAttribute> attributes, Boolean active,
		Integer sortOrder) {
}
