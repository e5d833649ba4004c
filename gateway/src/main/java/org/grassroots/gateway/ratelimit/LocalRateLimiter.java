package org.grassroots.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * In-memory token buckets used while Redis is unreachable. Bounded: beyond {@code maxBuckets} the least
 * recently used buckets are dropped (a dropped client starts again with a full bucket). Limits apply per
 * replica, so the effective limit is multiplied by the number of replicas during an outage.
 */
class LocalRateLimiter {

	private final Cache<String, Bucket> buckets;

	LocalRateLimiter(int maxBuckets) {
		this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(Duration.ofMinutes(2)).build();
	}

	RateLimitDecision take(String key, long capacity, long nowMillis) {
		return buckets.get(key, k -> new Bucket()).take(nowMillis, capacity);
	}

	long size() {
		buckets.cleanUp();
		return buckets.estimatedSize();
	}

	private static final class Bucket {

		private TokenBucket.State state;

		synchronized RateLimitDecision take(long nowMillis, long capacity) {
			TokenBucket.Result result = TokenBucket.take(state, nowMillis, capacity);
			state = result.state();
			return result.decision();
		}

	}

}
