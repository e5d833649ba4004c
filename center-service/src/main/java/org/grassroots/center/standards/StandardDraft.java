package org.grassroots.center.standards;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new site standard with its checklist. */
public record StandardDraft(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,40}") String code,
		@NotBlank @Size(max = 50) String name, @Size(max = 1000) String description,
		@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Item> items) {

	public record Item(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,40}") String code,
			@NotBlank @Size(max = 200) String text) {
	}
}
