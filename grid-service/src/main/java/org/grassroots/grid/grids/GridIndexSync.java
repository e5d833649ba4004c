package org.grassroots.grid.grids;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.grassroots.defaults.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every replica's {@link GridIndex} consistent with the database:
 * <ol>
 * <li>a grid change bumps the tenant's version in its transaction ({@link #changed}); after commit the local index
 * is invalidated and the version is published on the Redis channel {@code t:{tenant}:grid-index};</li>
 * <li>every replica subscribes to {@code t:*:grid-index} and invalidates its index of that tenant;</li>
 * <li>because Redis pub/sub may lose a message (Redis restarting, a replica reconnecting), every replica also
 * compares its indexes with the versions in the database periodically ({@code grid-index-sync}, the only
 * cross-tenant read of this feature, on the version table only).</li>
 * </ol>
 */
@Component
public class GridIndexSync implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(GridIndexSync.class);

	static final String CHANNEL_PATTERN = "t:*:grid-index";

	private final GridIndex index;

	private final GridRepository grids;

	private final StringRedisTemplate redis;

	private final TransactionTemplate tx;

	GridIndexSync(GridIndex index, GridRepository grids, StringRedisTemplate redis, TransactionTemplate tx) {
		this.index = index;
		this.grids = grids;
		this.redis = redis;
		this.tx = tx;
	}

	static String channel(String tenant) {
		return "t:" + tenant + ":grid-index";
	}

	/** Call inside the transaction that changed a tenant's grids. */
	void changed(String tenant) {
		long version = grids.bumpIndexVersion(tenant);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				index.invalidate(tenant, version);
				try {
					redis.convertAndSend(channel(tenant), Long.toString(version));
				}
				catch (RuntimeException ex) {
					log.warn("Could not publish grid index version {} of tenant {} (other replicas catch up on their "
							+ "next check): {}", version, tenant, ex.getMessage());
				}
			}
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		if (!channel.startsWith("t:") || !channel.endsWith(":grid-index")) {
			return;
		}
		String tenant = channel.substring(2, channel.length() - ":grid-index".length());
		try {
			index.invalidate(tenant, Long.parseLong(body.trim()));
		}
		catch (NumberFormatException ex) {
			log.warn("Ignored malformed grid index message on {}: {}", channel, body);
		}
	}

	/** The safety net behind pub/sub. */
	@Scheduled(fixedDelayString = "${grassroots.grids.index-sync-interval:PT15S}", initialDelayString = "PT5S")
	public void reconcile() {
		Map<String, Long> held = index.heldVersions();
		if (held.isEmpty()) {
			return;
		}
		try {
			Map<String, Long> current = TenantContext.callCrossTenant("grid-index-sync",
					() -> tx.execute(status -> grids.allIndexVersions()));
			if (current == null) {
				return;
			}
			held.forEach((tenant, version) -> {
				Long latest = current.get(tenant);
				if (latest != null && latest > version) {
					log.info("Grid index of tenant {} is behind ({} < {}): rebuilding on next use", tenant, version,
							latest);
					index.invalidate(tenant, latest);
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Grid index check skipped: {}", ex.getMessage());
		}
	}

	/** The subscription to other replicas' changes. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Subscription {

		@org.springframework.context.annotation.Bean
		RedisMessageListenerContainer gridIndexListener(RedisConnectionFactory connections, GridIndexSync sync) {
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(connections);
			container.addMessageListener(sync, new PatternTopic(CHANNEL_PATTERN));
			return container;
		}
	}
}
