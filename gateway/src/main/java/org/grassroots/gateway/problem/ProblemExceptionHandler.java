package org.grassroots.gateway.problem;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every failure as {@code application/problem+json}. Ordered before Boot's error handler so no other
 * error format ever reaches a caller. Bad input maps to a 4xx; only genuine faults become a 500, and those are
 * logged with their stack trace while the caller sees a generic detail.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private static final java.util.regex.Pattern MESSAGE_KEY = java.util.regex.Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");

	private final ProblemResponses responses;

	public ProblemExceptionHandler(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemException problem = toProblem(Exceptions.unwrap(ex));
		if (problem.type() == ProblemType.INTERNAL_ERROR) {
			log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex);
		}
		return responses.write(exchange, problem);
	}

	static ProblemException toProblem(Throwable ex) {
		// ours, possibly wrapped on the way (e.g. the body limit tripping inside a decoder)
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof ProblemException problem) {
				return problem;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		if (ex instanceof WebExchangeBindException bind) {
			return ProblemException.validation(fieldProblems(bind));
		}
		if (ex instanceof MissingRequestValueException missing) {
			return ProblemException.of(ProblemType.BAD_REQUEST, "bad-request.detail.missing", missing.getName());
		}
		if (ex instanceof ServerWebInputException input) {
			if (hasCause(input, CodecException.class) || hasCause(input, JacksonException.class)) {
				if (hasCause(input, DataBufferLimitException.class)) {
					return ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE);
				}
				return ProblemException.of(ProblemType.MALFORMED_REQUEST);
			}
			if (input.getReason() != null && input.getReason().contains("request body")) {
				return ProblemException.of(ProblemType.MALFORMED_REQUEST, "malformed-body.detail.missing-body");
			}
			return ProblemException.of(ProblemType.BAD_REQUEST);
		}
		if (ex instanceof MethodNotAllowedException notAllowed) {
			HttpHeaders allow = new HttpHeaders();
			Set<HttpMethod> methods = notAllowed.getSupportedMethods();
			if (!methods.isEmpty()) {
				allow.setAllow(methods);
			}
			return ProblemException.of(ProblemType.METHOD_NOT_ALLOWED, "method-not-allowed.detail.method",
					notAllowed.getHttpMethod()).withHeaders(allow);
		}
		if (ex instanceof UnsupportedMediaTypeStatusException) {
			return ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE);
		}
		if (ex instanceof NotAcceptableStatusException) {
			return ProblemException.of(ProblemType.NOT_ACCEPTABLE);
		}
		if (ex instanceof PayloadTooLargeException || ex instanceof ContentTooLargeException
				|| ex instanceof DataBufferLimitException) {
			return ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE);
		}
		if (ex instanceof NotFoundException || ex instanceof CallNotPermittedException
				|| hasCause(ex, ConnectException.class) || hasCause(ex, TimeoutException.class)) {
			// a route whose service cannot be reached (routes with a circuit breaker use its fallback instead)
			return ProblemException.of(ProblemType.SERVICE_UNAVAILABLE, "service-unavailable.detail.unknown");
		}
		if (ex instanceof ResponseStatusException status) {
			int code = status.getStatusCode().value();
			if (code == 504) {
				return ProblemException.of(ProblemType.SERVICE_UNAVAILABLE, "service-unavailable.detail.unknown");
			}
			return ProblemException.of(ProblemType.forStatus(code));
		}
		return ProblemException.of(ProblemType.INTERNAL_ERROR);
	}

	private static List<FieldProblem> fieldProblems(WebExchangeBindException bind) {
		List<FieldProblem> problems = new ArrayList<>();
		for (ObjectError error : bind.getAllErrors()) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			problems.add(new FieldProblem(field, messageKey(error), constraintArguments(error)));
		}
		return problems;
	}

	/**
	 * A constraint declared with {@code message = "some.key"} names its own message; otherwise the constraint's
	 * name (e.g. {@code NotBlank}) selects a generic one.
	 */
	private static String messageKey(ObjectError error) {
		String message = error.getDefaultMessage();
		if (message != null && MESSAGE_KEY.matcher(message).matches()) {
			return "field." + message;
		}
		return "field." + (error.getCode() != null ? error.getCode() : "Invalid");
	}

	/** The constraint's own attributes (e.g. min, max) without Spring's leading field-name argument. */
	private static List<Object> constraintArguments(ObjectError error) {
		Object[] arguments = error.getArguments();
		List<Object> result = new ArrayList<>();
		if (arguments != null) {
			for (int i = 1; i < arguments.length; i++) {
				Object argument = arguments[i];
				if (argument instanceof Number || argument instanceof CharSequence || argument instanceof Boolean) {
					result.add(argument);
				}
			}
		}
		return result;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		Throwable current = ex;
		int depth = 0;
		while (current != null && depth++ < 16) {
			if (type.isInstance(current)) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

}
