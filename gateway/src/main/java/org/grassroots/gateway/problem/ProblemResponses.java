package org.grassroots.gateway.problem;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problems as {@code application/problem+json} in the caller's language; on {@code /open311/**} in the
 * GeoReport v2 error format instead (see {@link Open311Errors}).
 */
@Component
public class ProblemResponses {

	private final ProblemMessages messages;

	private final JsonMapper jsonMapper;

	private final Open311Errors open311;

	public ProblemResponses(ProblemMessages messages, JsonMapper jsonMapper, Open311Errors open311) {
		this.messages = messages;
		this.jsonMapper = jsonMapper;
		this.open311 = open311;
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
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		HttpStatus status;
		MediaType type;
		byte[] body;
		if (Open311Errors.applies(path)) {
			Open311Errors.Open311Error error = open311.toError(problem,
					exchange.getRequest().getQueryParams().getFirst("jurisdiction_id"), locale);
			boolean xml = Open311Errors.wantsXml(path);
			status = error.status();
			type = Open311Errors.mediaType(xml);
			body = open311.body(error, xml);
		}
		else {
			status = problem.type().status();
			type = MediaType.APPLICATION_PROBLEM_JSON;
			body = jsonMapper.writeValueAsBytes(toProblem(exchange, problem));
		}
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		// a half-built success response (e.g. a forwarded ETag) must not leak into the problem
		headers.remove(HttpHeaders.ETAG);
		headers.remove(HttpHeaders.LOCATION);
		headers.setContentType(type);
		headers.setContentLength(body.length);
		headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		problem.headers().forEach((name, values) -> {
			// a challenge belongs to a 401 only (Open311 answers a missing api_key with 403)
			if (status != HttpStatus.UNAUTHORIZED && HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
				return;
			}
			headers.put(name, values);
		});
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}
}
