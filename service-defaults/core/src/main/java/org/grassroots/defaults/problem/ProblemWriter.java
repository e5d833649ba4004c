package org.grassroots.defaults.problem;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes problems from servlet filters, which run before Spring MVC's exception handling. */
public class ProblemWriter {

	private final ProblemCatalog catalog;

	private final LocaleResolver localeResolver;

	private final JsonMapper json;

	public ProblemWriter(ProblemCatalog catalog, LocaleResolver localeResolver, JsonMapper json) {
		this.catalog = catalog;
		this.localeResolver = localeResolver;
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code,
			Object... args) throws IOException {
		Locale locale = localeResolver.resolveLocale(request);
		ProblemDetail problem = catalog.problem(status, code, locale, args);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		write(response, problem);
	}

	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json.writeValueAsBytes(asMap(problem)));
		response.flushBuffer();
	}

	/** The RFC 9457 members flat, with extension members beside them (not nested under "properties"). */
	public static java.util.Map<String, Object> asMap(ProblemDetail problem) {
		var map = new java.util.LinkedHashMap<String, Object>();
		map.put("type", String.valueOf(problem.getType()));
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			map.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			map.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}
}
