package org.grassroots.gateway.problem;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problems as {@code application/problem+json} in the caller's language.
 */
@Component
public class ProblemResponses {

	private final ProblemMessages messages;

	private final JsonMapper jsonMapper;

	public ProblemResponses(ProblemMessages messages, JsonMapper jsonMapper) {
		this.messages = messages;
		this.jsonMapper = jsonMapper;
	}

	public Problem toProblem(ServerWebExchange exchange, ProblemException problem) {
		Locale locale = ProblemLocales.resolve(exchange.getRequest().getHeaders());
		ProblemType type = problem.type();
		List<Problem.FieldError> errors = problem.fieldProblems()
			.stream()
			.map(f -> new Problem.FieldError(f.field(),
					messages.message(f.messageKey(), f.arguments().toArray(), locale)))
			.toList();
		return new Problem(type.uri(), messages.title(type, locale), type.status().value(),
				messages.detail(problem, locale), exchange.getRequest().getPath().value(), type.slug(), errors,
				TraceIds.of(exchange));
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemException problem) {
		ServerHttpResponse response = exchange.getResponse();
		Locale locale = ProblemLocales.resolve(exchange.getRequest().getHeaders());
		byte[] body = jsonMapper.writeValueAsBytes(toProblem(exchange, problem));
		response.setStatusCode(problem.type().status());
		HttpHeaders headers = response.getHeaders();
		// a half-built success response (e.g. a forwarded ETag) must not leak into the problem
		headers.remove(HttpHeaders.ETAG);
		headers.remove(HttpHeaders.LOCATION);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		problem.headers().forEach((name, values) -> headers.put(name, values));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}
}
