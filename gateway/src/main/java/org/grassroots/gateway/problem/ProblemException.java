package org.grassroots.gateway.problem;

import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * A failure the caller should see as a specific problem. Thrown (or emitted as a reactive error) anywhere in
 * the gateway and rendered by {@link ProblemExceptionHandler}.
 */
public class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final String detailKey;

	private final transient Object[] detailArguments;

	private final List<FieldProblem> fieldProblems;

	private final HttpHeaders headers;

	public ProblemException(ProblemType type, String detailKey, Object[] detailArguments,
			List<FieldProblem> fieldProblems, HttpHeaders headers) {
		super(type.slug() + (detailKey != null ? " (" + detailKey + ")" : ""), null, false, false);
		this.type = type;
		this.detailKey = detailKey;
		this.detailArguments = detailArguments == null ? new Object[0] : detailArguments.clone();
		this.fieldProblems = fieldProblems == null ? List.of() : List.copyOf(fieldProblems);
		this.headers = headers == null ? HttpHeaders.EMPTY : HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/** The type's default detail. */
	public static ProblemException of(ProblemType type) {
		return new ProblemException(type, null, null, null, null);
	}

	/** A specific detail: {@code detailKey} is resolved from the problem messages with the arguments. */
	public static ProblemException of(ProblemType type, String detailKey, Object... arguments) {
		return new ProblemException(type, detailKey, arguments, null, null);
	}

	public static ProblemException validation(List<FieldProblem> fieldProblems) {
		return new ProblemException(ProblemType.VALIDATION_FAILED, null, null, fieldProblems, null);
	}

	/** The same problem with extra response headers (e.g. {@code Retry-After}, {@code WWW-Authenticate}). */
	public ProblemException withHeaders(HttpHeaders extra) {
		HttpHeaders merged = new HttpHeaders();
		merged.putAll(this.headers);
		merged.putAll(extra);
		return new ProblemException(type, detailKey, detailArguments, fieldProblems, merged);
	}

	public ProblemType type() {
		return type;
	}

	public String detailKey() {
		return detailKey;
	}

	public Object[] detailArguments() {
		return detailArguments.clone();
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	public HttpHeaders headers() {
		return headers;
	}

}
