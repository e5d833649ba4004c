package org.grassroots.gateway.ratelimit;

/**
 * Token-bucket arithmetic shared by the local limiter (and mirrored by {@code token_bucket.lua} in Redis):
 * a bucket of {@code capacity} tokens refilled continuously at {@code capacity} per minute; each request takes one.
 */
public final class TokenBucket {

	private static final double MILLIS_PER_MINUTE = 60_000d;

	private TokenBucket() {
	}

	/** Tokens in a bucket at a moment. */
	public record State(double tokens, long atMillis) {
	}

	/** The decision and the bucket after it. */
	public record Result(RateLimitDecision decision, State state) {
	}

	/**
	 * Takes one token at {@code nowMillis} from a bucket in {@code state} ({@code null}: a new, full bucket).
	 */
	public static Result take(State state, long nowMillis, long capacity) {
		double perMilli = capacity / MILLIS_PER_MINUTE;
		double tokens;
		if (state == null) {
			tokens = capacity;
		}
		else {
			long elapsed = Math.max(0, nowMillis - state.atMillis());
			tokens = Math.min(capacity, state.tokens() + elapsed * perMilli);
		}
		boolean allowed = tokens >= 1;
		if (allowed) {
			tokens -= 1;
		}
		long retryAfter = allowed ? 0 : (long) Math.ceil((1 - tokens) / perMilli);
		long reset = (long) Math.ceil((capacity - tokens) / perMilli);
		RateLimitDecision decision = new RateLimitDecision(allowed, capacity, (long) Math.floor(tokens), retryAfter,
				reset);
		return new Result(decision, new State(tokens, nowMillis));
	}

}
