package org.grassroots.gateway.ratelimit;

/**
 * The outcome of taking one token.
 * @param allowed whether the request may proceed
 * @param limit bucket capacity (requests per minute)
 * @param remaining whole tokens left
 * @param retryAfterMillis when refused, how long until a token is available
 * @param resetMillis how long until the bucket is full again
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long retryAfterMillis, long resetMillis) {

	public long retryAfterSeconds() {
		return Math.max(1, ceilSeconds(retryAfterMillis));
	}

	public long resetSeconds() {
		return ceilSeconds(resetMillis);
	}

	private static long ceilSeconds(long millis) {
		return (millis + 999) / 1000;
	}

}
