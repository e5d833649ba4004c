package org.grassroots.gateway.invalidation;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells every gateway replica that a tenant or an integrator client changed, through a Redis pub/sub channel
 * all replicas subscribe to. The change is applied locally first, so this replica never depends on Redis;
 * other replicas evict within milliseconds, and their short cache TTL bounds staleness if Redis is down.
 */
@Component
public class InvalidationBus implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InvalidationBus.class);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final List<InvalidationListener> listeners;

	private final String channel;

	private final Counter received;

	private final Counter publishFailures;

	private volatile Disposable subscription;

	private volatile ReactiveRedisMessageListenerContainer container;

	public InvalidationBus(ReactiveRedisConnectionFactory connectionFactory, ReactiveStringRedisTemplate redis,
			List<InvalidationListener> listeners,
			@Value("${grassroots.gateway.invalidation-channel:grassroots:gateway:invalidations}") String channel,
			MeterRegistry meters) {
		this.connectionFactory = connectionFactory;
		this.redis = redis;
		this.listeners = listeners;
		this.channel = channel;
		this.received = Counter.builder("gateway.invalidations.received")
			.description("Cache invalidations received from other replicas")
			.register(meters);
		this.publishFailures = Counter.builder("gateway.invalidations.publish.failures")
			.description("Invalidations that could not be published (other replicas rely on the cache TTL)")
			.register(meters);
	}

	/** Applies the change here, then tells the other replicas. Never fails: Redis trouble is logged. */
	public Mono<Void> publish(Invalidation invalidation) {
		apply(invalidation);
		return redis.convertAndSend(channel, invalidation.encode())
			.timeout(Duration.ofSeconds(2))
			.doOnError(ex -> {
				publishFailures.increment();
				log.warn("Could not publish invalidation {} (other replicas fall back to their cache TTL): {}",
						invalidation.encode(), ex.toString());
			})
			.onErrorResume(ex -> Mono.empty())
			.then();
	}

	private void apply(Invalidation invalidation) {
		for (InvalidationListener listener : listeners) {
			listener.invalidate(invalidation);
		}
	}

	@Override
	public void start() {
		this.subscription = Flux.defer(() -> container().receiveLater(ChannelTopic.of(channel)).flatMapMany(messages -> {
			// anything published while we were not subscribed is lost: start from a clean cache
			listeners.forEach(InvalidationListener::invalidateAll);
			log.info("Listening for cache invalidations on Redis channel {}", channel);
			return messages;
		}))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
				.maxBackoff(Duration.ofSeconds(10))
				.doBeforeRetry(signal -> log.warn("Invalidation subscription lost, retrying: {}",
						signal.failure().toString())))
			.subscribe(message -> {
				Invalidation invalidation = Invalidation.decode(message.getMessage());
				if (invalidation != null) {
					received.increment();
					apply(invalidation);
				}
			}, ex -> log.error("Invalidation subscription ended", ex));
	}

	private ReactiveRedisMessageListenerContainer container() {
		ReactiveRedisMessageListenerContainer current = container;
		if (current == null) {
			current = new ReactiveRedisMessageListenerContainer(connectionFactory);
			container = current;
		}
		return current;
	}

	@Override
	public void stop() {
		Disposable current = subscription;
		if (current != null) {
			current.dispose();
		}
		ReactiveRedisMessageListenerContainer c = container;
		if (c != null) {
			c.destroyLater().timeout(Duration.ofSeconds(2)).onErrorResume(ex -> Mono.empty()).block();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable current = subscription;
		return current != null && !current.isDisposed();
	}

}
