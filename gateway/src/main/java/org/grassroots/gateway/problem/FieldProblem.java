package org.grassroots.gateway.problem;

import java.util.List;

/**
 * One invalid field: its JSON path and a message key (resolved in the caller's language) with arguments.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

	public FieldProblem {
		arguments = arguments == null ? List.of() : List.copyOf(arguments);
	}

	public static FieldProblem of(String field, String messageKey, Object... arguments) {
		return new FieldProblem(field, messageKey, List.of(arguments));
	}

}
