package org.grassroots.center.map;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps every replica's {@link CenterIndex} consistent with the database: a change bumps the tenant's version in
 * its own transaction ({@link #changed}); after commit this replica drops its copy and publishes the version on
 * the Redis channel {@code t:{tenant}:center-index}; every replica listens on {@code t:*:center-index} and drops
 * copies older than the version announced. Lost messages are caught by the staleness check of {@link CenterIndex}.
 */
@Component
public class MapIndexSync implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(MapIndexSync.class);

	static final String CHANNEL_PATTERN = "t:*:center-index";

	private final MapIndexRepository repository;

	private final CenterIndex index;

	private final StringRedisTemplate redis;

	MapIndexSync(MapIndexRepository repository, CenterIndex index, StringRedisTemplate redis) {
		this.repository = repository;
		this.index = index;
		this.redis = redis;
	}

	static String channel(String tenant) {
		return "t:" + tenant + ":center-index";
	}

	/** Call inside the transaction that changed what the tenant's map shows. */
	public void changed(String tenant) {
		long version = repository.bump(tenant);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				index.invalidate(tenant, version);
				try {
					redis.convertAndSend(channel(tenant), Long.toString(version));
				}
				catch (RuntimeException ex) {
					log.warn("Could not announce map index version {} of tenant {} (other replicas catch up within "
							+ "the staleness bound): {}", version, tenant, ex.getMessage());
				}
			}
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		if (!channel.startsWith("t:") || !channel.endsWith(":center-index")) {
			return;
		}
		String tenant = channel.substring(2, channel.length() - ":center-index".length());
		try {
			index.invalidate(tenant, Long.parseLong(body.trim()));
		}
		catch (NumberFormatException ex) {
			log.warn("Ignored malformed map index message on {}: {}", channel, body);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Subscription {

		@Bean
		RedisMessageListenerContainer centerIndexListener(RedisConnectionFactory connections, MapIndexSync sync) {
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(connections);
			container.addMessageListener(sync, new PatternTopic(CHANNEL_PATTERN));
			// started by SubscriptionStarter: Redis being away must not stop the service from starting
			container.setAutoStartup(false);
			return container;
		}

		@Bean
		SubscriptionStarter centerIndexSubscriptionStarter(RedisMessageListenerContainer centerIndexListener) {
			return new SubscriptionStarter(centerIndexListener);
		}
	}

	/**
	 * Subscribes in the background and keeps trying while Redis is unreachable; until then (and whenever messages
	 * are lost) the staleness check of {@link CenterIndex} keeps the map within its bound. Once subscribed, the
	 * container re-subscribes by itself after connection failures.
	 */
	static final class SubscriptionStarter implements SmartLifecycle {

		static final java.time.Duration RETRY = java.time.Duration.ofSeconds(10);

		private final RedisMessageListenerContainer container;

		private volatile boolean running;

		private Thread thread;

		SubscriptionStarter(RedisMessageListenerContainer container) {
			this.container = container;
		}

		@Override
		public synchronized void start() {
			running = true;
			thread = new Thread(this::subscribe, "center-index-subscription");
			thread.setDaemon(true);
			thread.start();
		}

		/**
		 * A failed first subscription leaves the container marked as started (its {@code start()} is then a no-op):
		 * stop it and try again until it listens.
		 */
		private void subscribe() {
			long lastAttempt = 0;
			while (running && !container.isListening()) {
				long now = System.nanoTime();
				if (lastAttempt == 0 || now - lastAttempt > RETRY.toNanos()) {
					lastAttempt = now;
					try {
						if (container.isRunning()) {
							container.stop();
						}
						container.start();
					}
					catch (RuntimeException ex) {
						log.warn("Map index invalidations not subscribed yet (retrying in {} s): {}", RETRY.toSeconds(),
								ex.getMessage());
					}
				}
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		@Override
		public synchronized void stop() {
			running = false;
			if (thread != null) {
				thread.interrupt();
			}
			if (container.isRunning()) {
				container.stop();
			}
		}

		@Override
		public boolean isRunning() {
			return running;
		}
	}
}
