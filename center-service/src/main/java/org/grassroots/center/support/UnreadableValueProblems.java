package org.grassroots.center.support;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.defaults.problem.ProblemCatalog;
import org.grassroots.defaults.problem.ProblemHandler;
import org.grassroots.defaults.problem.ProblemWriter;
import org.grassroots.defaults.web.BodyTooLargeException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.DatabindException;

/**
 * A value Jackson could not convert (a date like {@code 2026-13-01T10:00+08:00}, an out-of-range number) arrives as
 * a parse exception wrapped in a {@link DatabindException}; service-defaults looks only at the innermost cause and
 * would call that a missing body. Here the field is named: 400 {@code validation} with the field's path. Every
 * other unreadable body goes to service-defaults' handler unchanged.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableValueProblems {

	private final ProblemHandler problems;

	private final ProblemCatalog catalog;

	UnreadableValueProblems(ProblemHandler problems, ProblemCatalog catalog) {
		this.problems = problems;
		this.catalog = catalog;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, WebRequest request) throws Exception {
		if (ex.getMostSpecificCause() instanceof BodyTooLargeException) {
			return problems.handleException(ex, request);
		}
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()
					&& !(ex.getMostSpecificCause() instanceof DatabindException)) {
				Locale locale = LocaleContextHolder.getLocale();
				ProblemDetail problem = catalog.problem(HttpStatus.BAD_REQUEST, "validation", locale);
				catalog.withFieldErrors(problem, List.of(Map.of("field", path(databind), "message",
						catalog.fieldMessage("type-mismatch", locale))));
				if (request instanceof ServletWebRequest servlet) {
					problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
				}
				return ResponseEntity.badRequest()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(ProblemWriter.asMap(problem));
			}
		}
		return problems.handleException(ex, request);
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}
}
