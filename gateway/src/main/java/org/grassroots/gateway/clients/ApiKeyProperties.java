package org.grassroots.gateway.clients;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys of integrator clients.
 * @param pepper secret HMAC key of the stored key hashes (at least 32 characters; from a secret)
 * @param previousPeppers peppers being rotated out: keys hashed with them still verify and are re-hashed with
 * the current pepper on first use
 * @param cacheTtl how long a verified key is served from memory (at most 10 s: the safety net for revocation)
 * @param negativeCacheTtl how long an unknown key is remembered as unknown
 * @param cacheSize bound of each cache
 */
@ConfigurationProperties("grassroots.gateway.api-keys")
public record ApiKeyProperties(String pepper, @DefaultValue List<String> previousPeppers,
		@DefaultValue("10s") Duration cacheTtl, @DefaultValue("2s") Duration negativeCacheTtl,
		@DefaultValue("10000") int cacheSize) {

	static final Duration MAX_CACHE_TTL = Duration.ofSeconds(10);

}
