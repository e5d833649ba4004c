package org.grassroots.defaults.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A rule said no. Thrown by domain code and rendered as {@code application/problem+json} with a localized detail
 * from {@code grassroots-problems*.properties}: {@code problem.<code>.title} and {@code problem.<code>.detail}
 * (with {@code args} filled in).
 */
public class DomainProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	private final List<FieldProblem> fieldProblems;

	public DomainProblem(HttpStatus status, String code, Object... args) {
		this(status, code, List.of(), args);
	}

	public DomainProblem(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static DomainProblem notFound(String resource, Object id) {
		return new DomainProblem(HttpStatus.NOT_FOUND, "not-found", resource, String.valueOf(id));
	}

	public static DomainProblem forbidden() {
		return new DomainProblem(HttpStatus.FORBIDDEN, "forbidden");
	}

	public static DomainProblem conflict(String code, Object... args) {
		return new DomainProblem(HttpStatus.CONFLICT, code, args);
	}

	public static DomainProblem badRequest(String code, Object... args) {
		return new DomainProblem(HttpStatus.BAD_REQUEST, code, args);
	}

	/** One field is wrong: a 400 {@code validation} problem with that field in {@code errors}. */
	public static DomainProblem invalidField(String field, String messageCode, Object... args) {
		return new DomainProblem(HttpStatus.BAD_REQUEST, "validation",
				List.of(new FieldProblem(field, messageCode, args)));
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	/**
	 * A problem with one field; {@code messageCode} names {@code field.<messageCode>} in the bundle.
	 */
	public record FieldProblem(String field, String messageCode, Object... args) {
	}
}
