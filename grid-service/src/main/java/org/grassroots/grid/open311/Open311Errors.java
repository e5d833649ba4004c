package org.grassroots.grid.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.problem.DownstreamUnavailableException;
import org.grassroots.defaults.problem.ProblemCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Open311 endpoints in the spec's format and status codes ({@code <errors><error><code>400</code>
 * <description>…</description></error></errors>} or {@code [{"code":400,"description":"…"}]}), in the format the
 * request asked for; not problem+json, which a spec-only client would not understand.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

	private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

	private final Open311Writer writer;

	private final ProblemCatalog catalog;

	Open311Errors(Open311Writer writer, ProblemCatalog catalog) {
		this.writer = writer;
		this.catalog = catalog;
	}

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<byte[]> open311(Open311Exception ex, HttpServletRequest request) {
		return error(request, ex.status, ex.getMessage());
	}

	@ExceptionHandler(DomainProblem.class)
	ResponseEntity<byte[]> domain(DomainProblem ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = catalog.problem(ex.status(), ex.code(), locale, ex.args());
		List<String> parts = new ArrayList<>();
		parts.add(problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
		for (DomainProblem.FieldProblem field : ex.fieldProblems()) {
			parts.add(field.field() + ": " + catalog.fieldMessage(field.messageCode(), locale, field.args()));
		}
		HttpStatus status = ex.status() == HttpStatus.FORBIDDEN ? HttpStatus.FORBIDDEN : ex.status();
		return error(request, status, String.join(" ", parts));
	}

	@ExceptionHandler(DownstreamUnavailableException.class)
	ResponseEntity<byte[]> downstream(DownstreamUnavailableException ex, HttpServletRequest request) {
		return error(request, HttpStatus.SERVICE_UNAVAILABLE, "a service this request needs is unavailable; retry later");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<byte[]> other(Exception ex, HttpServletRequest request) {
		HttpStatusCode status = ex instanceof ErrorResponse response ? response.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.error("Open311 request failed", ex);
			return error(request, status, "internal error; it was logged, retry later");
		}
		return error(request, status, ex instanceof ErrorResponse response && response.getBody().getDetail() != null
				? response.getBody().getDetail() : "bad request");
	}

	private ResponseEntity<byte[]> error(HttpServletRequest request, HttpStatusCode status, String description) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", status.value());
		error.put("description", description);
		return writer.write(status, Open311Format.ofPath(request.getRequestURI()), "errors", "error", List.of(error));
	}
}
