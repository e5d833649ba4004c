package org.grassroots.defaults.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure Spring MVC sees into {@code application/problem+json} with a localized detail. Bad input
 * is a 4xx with a clear reason; only real faults are 500s, and those reveal nothing internal.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final ProblemCatalog catalog;

	public ProblemHandler(ProblemCatalog catalog) {
		this.catalog = catalog;
	}

	@ExceptionHandler(DomainProblem.class)
	ResponseEntity<Object> domainProblem(DomainProblem ex, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = catalog.problem(ex.status(), ex.code(), locale, ex.args());
		List<Map<String, String>> errors = new ArrayList<>();
		for (DomainProblem.FieldProblem field : ex.fieldProblems()) {
			errors.add(Map.of("field", field.field(), "message",
					catalog.fieldMessage(field.messageCode(), locale, field.args())));
		}
		catalog.withFieldErrors(problem, errors);
		return render(problem, new HttpHeaders(), request);
	}

	@ExceptionHandler(DownstreamUnavailableException.class)
	ResponseEntity<Object> downstreamUnavailable(DownstreamUnavailableException ex, WebRequest request) {
		log.warn("Downstream {} unavailable: {}", ex.service(), ex.getMessage());
		ProblemDetail problem = catalog.problem(HttpStatus.SERVICE_UNAVAILABLE, "downstream-unavailable",
				LocaleContextHolder.getLocale(), ex.service());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return render(problem, headers, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		return fieldProblem(ex.getName(), "type-mismatch", request);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> duplicate(DuplicateKeyException ex, WebRequest request) {
		return render(catalog.problem(HttpStatus.CONFLICT, "duplicate", LocaleContextHolder.getLocale()),
				new HttpHeaders(), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex, WebRequest request) {
		// a constraint the database enforces (exclusion, foreign key, check): the request conflicts with state
		log.info("Constraint rejected a write: {}", ex.getMostSpecificCause().getMessage());
		return render(catalog.problem(HttpStatus.CONFLICT, "conflict", LocaleContextHolder.getLocale()),
				new HttpHeaders(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unhandled failure", ex);
		return render(catalog.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				LocaleContextHolder.getLocale()), new HttpHeaders(), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = catalog.problem(HttpStatus.BAD_REQUEST, "validation", locale);
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message",
					String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(Map.of("field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage()))));
		catalog.withFieldErrors(problem, errors);
		return render(problem, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = catalog.problem(HttpStatus.BAD_REQUEST, "validation", LocaleContextHolder.getLocale());
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(e -> errors.add(Map.of("field", String.valueOf(name), "message",
						String.valueOf(e.getDefaultMessage()))));
		});
		catalog.withFieldErrors(problem, errors);
		return render(problem, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof org.grassroots.defaults.web.BodyTooLargeException) {
			return render(catalog.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					LocaleContextHolder.getLocale()), headers, request);
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return fieldProblem(unknown.getPropertyName(), "unknown-field", request);
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return fieldProblem(path(mismatch), "type-mismatch", request);
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			return fieldProblem(path(databind), "type-mismatch", request);
		}
		String code = (cause instanceof JacksonException) ? "malformed-body" : "body-required";
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			code = "body-required";
		}
		return render(catalog.problem(HttpStatus.BAD_REQUEST, code, LocaleContextHolder.getLocale()), headers,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String code;
		Object[] args = new Object[0];
		if (ex instanceof NoResourceFoundException) {
			code = "route-not-found";
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException e) {
			code = "method-not-allowed";
			args = new Object[] { e.getMethod() };
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException) {
			code = "unsupported-media-type";
		}
		else if (ex instanceof HttpMediaTypeNotAcceptableException) {
			code = "not-acceptable";
		}
		else if (ex instanceof MissingServletRequestParameterException e) {
			code = "missing-parameter";
			args = new Object[] { e.getParameterName() };
		}
		else if (ex instanceof MissingRequestHeaderException e) {
			code = "missing-header";
			args = new Object[] { e.getHeaderName() };
		}
		else if (ex instanceof MaxUploadSizeExceededException) {
			code = "payload-too-large";
		}
		else if (ex instanceof ServletRequestBindingException) {
			code = "bad-request";
		}
		else {
			code = statusCode.is4xxClientError() ? "bad-request" : "internal-error";
		}
		if (statusCode.is5xxServerError()) {
			log.error("Request failed", ex);
		}
		return render(catalog.problem(statusCode, code, LocaleContextHolder.getLocale(), args), headers, request);
	}

	private ResponseEntity<Object> fieldProblem(String field, String messageCode, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = catalog.problem(HttpStatus.BAD_REQUEST, "validation", locale);
		catalog.withFieldErrors(problem,
				List.of(Map.of("field", field, "message", catalog.fieldMessage(messageCode, locale))));
		return render(problem, new HttpHeaders(), request);
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

	private ResponseEntity<Object> render(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			HttpServletRequest http = servlet.getRequest();
			problem.setInstance(URI.create(http.getRequestURI()));
		}
		HttpHeaders out = new HttpHeaders();
		out.addAll(headers);
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(problem.getStatus()).headers(out).body(ProblemWriter.asMap(problem));
	}
}
