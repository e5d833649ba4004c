package org.grassroots.gateway.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The RFC 9457 body the gateway writes: standard members plus {@code code} (the slug), {@code errors} for field
 * problems and {@code traceId} to correlate with logs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
		List<FieldError> errors, String traceId) {

	/** One invalid field with a message in the caller's language. */
	public record FieldError(String field, String message) {
	}

}
