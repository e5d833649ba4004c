package org.grassroots.gateway.tenants;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.invalidation.Invalidation;
import org.grassroots.gateway.invalidation.InvalidationListener;
import org.grassroots.gateway.persistence.Blocking;
import org.springframework.stereotype.Component;

/**
 * Answers "is this district served?" on the hot path from a small in-memory cache, loading misses from the
 * database off the event loop. Changes made through the admin API evict the entry on every replica; the short
 * TTL bounds staleness when an eviction message is lost.
 */
@Component
public class TenantDirectory implements InvalidationListener {

	private final TenantRepository repository;

	private final AsyncCache<String, Optional<Tenant>> cache;

	TenantDirectory(TenantRepository repository, TenantProperties properties) {
		this.repository = repository;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl())
			.maximumSize(properties.cacheSize())
			.buildAsync();
	}

	public Mono<Optional<Tenant>> find(String code) {
		if (!Tenant.isValidCode(code)) {
			return Mono.just(Optional.empty());
		}
		return Mono.fromFuture(() -> cache.get(code,
				(key, executor) -> Blocking.call(() -> repository.find(key)).toFuture()), true);
	}

	/** The tenant if it exists and is active, else empty. */
	public Mono<Tenant> findActive(String code) {
		return find(code).flatMap(tenant -> Mono.justOrEmpty(tenant.filter(Tenant::isActive)));
	}

	@Override
	public void invalidate(Invalidation invalidation) {
		if (Invalidation.TENANT.equals(invalidation.kind())) {
			cache.synchronous().invalidate(invalidation.id());
		}
	}

	@Override
	public void invalidateAll() {
		cache.synchronous().invalidateAll();
	}

}
