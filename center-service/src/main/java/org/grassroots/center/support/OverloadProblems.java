package org.grassroots.center.support;

import java.net.URI;

import org.grassroots.defaults.problem.ProblemCatalog;
import org.grassroots.defaults.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * A burst larger than the connection pool (e.g. a hundred people racing for one room slot) makes some requests
 * wait longer than the pool's connection timeout. That is overload, not a fault: answer 503 {@code service-busy}
 * with {@code Retry-After} (nothing was written), instead of service-defaults' generic 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OverloadProblems {

	private static final Logger log = LoggerFactory.getLogger(OverloadProblems.class);

	private final ProblemCatalog catalog;

	OverloadProblems(ProblemCatalog catalog) {
		this.catalog = catalog;
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class })
	ResponseEntity<Object> busy(Exception ex, WebRequest request) {
		log.warn("No database connection in time, answering 503: {}", ex.getMessage());
		ProblemDetail problem = catalog.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-busy",
				LocaleContextHolder.getLocale());
		if (request instanceof ServletWebRequest servlet) {
			problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemWriter.asMap(problem));
	}
}
