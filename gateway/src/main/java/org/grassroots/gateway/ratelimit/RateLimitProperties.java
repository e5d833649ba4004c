package org.grassroots.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request limits per client and route (token buckets: the limit per minute is both the burst and the refill
 * over a minute). Integrator clients carry their own limit.
 * @param personPerMinute a signed-in person, per route
 * @param anonymousPerMinute an anonymous caller (by IP address) on public routes: stricter
 * @param platformPerMinute anyone on the gateway's own admin API
 * @param redisTimeout how long to wait for Redis before deciding locally
 * @param redisRetryInterval after a Redis failure, how long to decide locally before trying Redis again
 * @param localMaxBuckets bound of the in-memory fallback limiter
 */
@ConfigurationProperties("grassroots.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("600") int personPerMinute, @DefaultValue("60") int anonymousPerMinute,
		@DefaultValue("120") int platformPerMinute, @DefaultValue("200ms") Duration redisTimeout,
		@DefaultValue("2s") Duration redisRetryInterval, @DefaultValue("10000") int localMaxBuckets) {

}
