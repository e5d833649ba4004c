package org.grassroots.defaults.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problems with a stable {@code type} ({@code urn:problem:grassroots:<code>}), a localized title
 * and detail (zh-CN by default, English on request), the {@code code} and the trace id.
 */
public class ProblemCatalog {

	public static final String TYPE_PREFIX = "urn:problem:grassroots:";

	private final MessageSource messages;

	private final ObjectProvider<Tracer> tracer;

	public ProblemCatalog(MessageSource messages, ObjectProvider<Tracer> tracer) {
		this.messages = messages;
		this.tracer = tracer;
	}

	public ProblemDetail problem(HttpStatusCode status, String code, Locale locale, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(message("problem." + code + ".title", locale, new Object[0], code));
		problem.setDetail(message("problem." + code + ".detail", locale, args, null));
		problem.setProperty("code", code);
		String traceId = currentTraceId();
		if (traceId != null) {
			problem.setProperty("traceId", traceId);
		}
		return problem;
	}

	/** Adds {@code errors: [{field, message}]}. */
	public ProblemDetail withFieldErrors(ProblemDetail problem, List<Map<String, String>> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors", new ArrayList<>(errors));
		}
		return problem;
	}

	public String fieldMessage(String messageCode, Locale locale, Object... args) {
		return message("field." + messageCode, locale, args, messageCode);
	}

	private String message(String key, Locale locale, Object[] args, String fallback) {
		try {
			return messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

	private String currentTraceId() {
		Tracer t = tracer.getIfAvailable();
		if (t == null || t.currentSpan() == null) {
			return null;
		}
		return t.currentSpan().context().traceId();
	}
}
