package org.grassroots.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.caller.CallerKind;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Decides whether a caller may make one more request on a route: a token bucket in Redis, shared by all
 * replicas, keyed {@code t:{tenant}:rl:{client}:{route}} ({@code p:rl:...} without a tenant). When Redis does not
 * answer in time the decision is made by a bounded in-memory limiter instead (never fail-open); the switch is
 * logged once each way and every local decision is counted in {@code gateway.ratelimit.fallback}.
 */
@Component
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	// read once: a script built from a Resource re-checks the file on every call, and inside the executable jar
	// that check throws (and is swallowed) on every request
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = RedisScript.of(script("ratelimit/token_bucket.lua"), List.class);

	private final ReactiveStringRedisTemplate redis;

	private final RateLimitProperties properties;

	private final LocalRateLimiter local;

	private final Counter fallbackDecisions;

	private final Counter rejected;

	private final AtomicBoolean redisDown = new AtomicBoolean();

	private final AtomicLong redisRetryAt = new AtomicLong();

	public RateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.properties = properties;
		this.local = new LocalRateLimiter(properties.localMaxBuckets());
		this.fallbackDecisions = Counter.builder("gateway.ratelimit.fallback")
			.description("Rate-limit decisions made by the local limiter because Redis was unavailable")
			.register(meters);
		this.rejected = Counter.builder("gateway.ratelimit.rejected")
			.description("Requests refused with 429")
			.register(meters);
		Gauge.builder("gateway.ratelimit.redis.down", redisDown, down -> down.get() ? 1 : 0)
			.description("1 while rate limiting runs on the local fallback")
			.register(meters);
		Gauge.builder("gateway.ratelimit.local.buckets", local, LocalRateLimiter::size).register(meters);
	}

	/** Takes a token for the caller (or the anonymous address) on {@code route}. */
	public Mono<RateLimitDecision> take(Caller caller, InetAddress address, String route, int limitPerMinute) {
		String key = key(caller, address, route);
		long now = System.currentTimeMillis();
		Mono<RateLimitDecision> decision;
		if (redisDown.get() && now < redisRetryAt.get()) {
			decision = Mono.fromSupplier(() -> localDecision(key, limitPerMinute));
		}
		else {
			decision = redisDecision(key, limitPerMinute).doOnNext(d -> redisRecovered())
				.timeout(properties.redisTimeout())
				.onErrorResume(ex -> {
					redisFailed(ex);
					return Mono.fromSupplier(() -> localDecision(key, limitPerMinute));
				});
		}
		return decision.doOnNext(d -> {
			if (!d.allowed()) {
				rejected.increment();
			}
		});
	}

	/** The caller's limit on a routed request: the integrator's own, else the configured one for its kind. */
	public int limitFor(Caller caller) {
		if (caller == null || caller.kind() == CallerKind.ANONYMOUS) {
			return properties.anonymousPerMinute();
		}
		if (caller.kind() == CallerKind.INTEGRATOR && caller.rateLimitPerMinute() != null) {
			return caller.rateLimitPerMinute();
		}
		return properties.personPerMinute();
	}

	public int platformLimit() {
		return properties.platformPerMinute();
	}

	static String key(Caller caller, InetAddress address, String route) {
		String client;
		if (caller != null && caller.clientId() != null) {
			client = "c:" + caller.clientId();
		}
		else if (caller != null && caller.kind() == CallerKind.PERSON) {
			client = "u:" + caller.subject();
		}
		else {
			client = "ip:" + (address == null ? "unknown" : address.getHostAddress());
		}
		String tenant = caller == null ? null : caller.tenant();
		return (tenant == null ? "p" : "t:" + tenant) + ":rl:" + client + ":" + route;
	}

	@SuppressWarnings("unchecked")
	private Mono<RateLimitDecision> redisDecision(String key, int limit) {
		return redis.execute(SCRIPT, List.of(key), List.of(Integer.toString(limit))).next().map(result -> {
			List<Object> values = (List<Object>) result;
			return new RateLimitDecision(toLong(values.get(0)) == 1, limit, toLong(values.get(1)),
					toLong(values.get(2)), toLong(values.get(3)));
		});
	}

	private RateLimitDecision localDecision(String key, int limit) {
		fallbackDecisions.increment();
		return local.take(key, limit, System.currentTimeMillis());
	}

	private void redisFailed(Throwable ex) {
		redisRetryAt.set(System.currentTimeMillis() + properties.redisRetryInterval().toMillis());
		if (redisDown.compareAndSet(false, true)) {
			log.warn("Redis is unavailable for rate limiting ({}); limiting with the local in-memory limiter "
					+ "(per replica) until it recovers", NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
	}

	private void redisRecovered() {
		if (redisDown.compareAndSet(true, false)) {
			log.info("Redis is available again; rate limiting is shared across replicas again");
		}
	}

	private static long toLong(Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		return Long.parseLong(String.valueOf(value));
	}

	private static String script(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the rate-limit script " + path, ex);
		}
	}

}
