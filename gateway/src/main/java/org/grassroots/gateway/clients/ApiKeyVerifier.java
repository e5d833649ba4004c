package org.grassroots.gateway.clients;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.invalidation.Invalidation;
import org.grassroots.gateway.invalidation.InvalidationListener;
import org.grassroots.gateway.persistence.Blocking;
import org.springframework.stereotype.Component;

/**
 * Verifies presented API keys. Results are cached in memory by key hash for at most
 * {@code grassroots.gateway.api-keys.cache-ttl} (≤ 10 s), unknown keys for less. A revocation evicts the client at
 * once on this replica and, through the invalidation channel, on every other one; the TTL is the safety net.
 */
@Component
public class ApiKeyVerifier implements InvalidationListener {

	private final IntegratorClientRepository repository;

	private final ApiKeyHasher hasher;

	private final AsyncCache<String, Optional<VerifiedClient>> cache;

	ApiKeyVerifier(IntegratorClientRepository repository, ApiKeyHasher hasher, ApiKeyProperties properties) {
		if (properties.cacheTtl().compareTo(ApiKeyProperties.MAX_CACHE_TTL) > 0) {
			throw new IllegalStateException("grassroots.gateway.api-keys.cache-ttl must be at most "
					+ ApiKeyProperties.MAX_CACHE_TTL.toSeconds() + "s so that revocations take effect within seconds");
		}
		this.repository = repository;
		this.hasher = hasher;
		long known = properties.cacheTtl().toNanos();
		long unknown = Math.min(known, properties.negativeCacheTtl().toNanos());
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.cacheSize())
			.expireAfter(Expiry.<String, Optional<VerifiedClient>>creating(
					(hash, result) -> Duration.ofNanos(result.isPresent() ? known : unknown)))
			.buildAsync();
	}

	/**
	 * The active client owning {@code key}, or empty for a malformed, unknown or revoked key.
	 */
	public Mono<VerifiedClient> verify(String key) {
		if (!ApiKeys.isWellFormed(key)) {
			return Mono.empty();
		}
		List<String> hashes = hasher.candidates(key);
		return Mono.fromFuture(() -> cache.get(hashes.get(0), (hash, executor) -> Blocking
			.call(() -> repository.findByKeyHash(hashes).map(VerifiedClient::of))
			.toFuture()), true)
			.flatMap(Mono::justOrEmpty)
			.filter(verified -> verified.client().isActive());
	}

	@Override
	public void invalidate(Invalidation invalidation) {
		if (Invalidation.CLIENT.equals(invalidation.kind())) {
			String id = invalidation.id();
			cache.synchronous()
				.asMap()
				.values()
				.removeIf(result -> result.isPresent() && result.get().client().id().toString().equals(id));
		}
	}

	@Override
	public void invalidateAll() {
		cache.synchronous().invalidateAll();
	}

	/** A client found by its key, with its allow-list parsed once per cache load. */
	public record VerifiedClient(IntegratorClient client, IpAllowList allowList) {

		static VerifiedClient of(IntegratorClient client) {
			return new VerifiedClient(client, IpAllowList.parse(client.allowedIps()));
		}

	}

}
