package org.grassroots.defaults.problem;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Errors raised outside Spring MVC (the servlet container rejecting a request, an exception in a filter) reach
 * {@code /error}; answer those with a problem too, never the default error page or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private final ProblemCatalog catalog;

	private final LocaleResolver localeResolver;

	public ProblemErrorController(ProblemCatalog catalog, LocaleResolver localeResolver) {
		this.catalog = catalog;
		this.localeResolver = localeResolver;
	}

	@RequestMapping("/error")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String problemCode = switch (status) {
			case NOT_FOUND -> "route-not-found";
			case PAYLOAD_TOO_LARGE -> "payload-too-large";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			case UNAUTHORIZED -> "token-missing";
			case FORBIDDEN -> "forbidden";
			default -> status.is4xxClientError() ? "bad-request" : "internal-error";
		};
		ProblemDetail problem = catalog.problem(status, problemCode, localeResolver.resolveLocale(request));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(uri.toString()));
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemWriter.asMap(problem));
	}
}
