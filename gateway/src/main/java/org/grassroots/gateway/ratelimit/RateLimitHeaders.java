package org.grassroots.gateway.ratelimit;

import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.http.HttpHeaders;

/**
 * {@code RateLimit-*} headers (IETF draft style) on every limited response, plus {@code Retry-After} on 429.
 */
final class RateLimitHeaders {

	private RateLimitHeaders() {
	}

	static void apply(HttpHeaders headers, RateLimitDecision decision) {
		headers.set("RateLimit-Limit", Long.toString(decision.limit()));
		headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
		headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
		headers.set("RateLimit-Policy", decision.limit() + ";w=60");
	}

	static ProblemException tooManyRequests(RateLimitDecision decision) {
		HttpHeaders headers = new HttpHeaders();
		apply(headers, decision);
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		return ProblemException.of(ProblemType.RATE_LIMITED, null, decision.retryAfterSeconds()).withHeaders(headers);
	}

}
