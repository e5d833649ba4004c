package org.grassroots.grid.casework;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An extra question a category asks when a case is reported (an Open311 service definition attribute).
 *
 * @param code the key reporters answer under ({@code attribute[code]} in Open311)
 * @param datatype string, number, datetime, text, singlevaluelist or multivaluelist
 * @param required whether a report must answer it
 * @param description the question
 * @param order display order
 * @param values the allowed answers of list types
 */
public record CategoryAttribute(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code,
		@NotBlank @Pattern(regexp = "string|number|datetime|text|singlevaluelist|multivaluelist") String datatype,
		boolean required, @NotBlank @Size(max = 200) String description, @Min(0) @Max(1000) int order,
		@Size(max = 50) List<@Valid @NotNull Value> values) {

	/** One allowed answer. */
	public record Value(@NotBlank @Size(max = 40) String key, @NotBlank @Size(max = 100) String name) {
	}

	/** Whether answers come from {@link #values()}. */
	@com.fasterxml.jackson.annotation.JsonIgnore
	public boolean isList() {
		return "singlevaluelist".equals(datatype) || "multivaluelist".equals(datatype);
	}
}
