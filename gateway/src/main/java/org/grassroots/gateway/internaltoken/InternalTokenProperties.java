package org.grassroots.gateway.internaltoken;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The internal tokens the gateway signs for the services (docs/architecture.md).
 * @param signingKeys JWK set JSON with private RSA keys; the first signs, all are published for verification
 * @param ttl lifetime of each token
 * @param allowEphemeralKey generate a throw-away key when none is configured (local development only)
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim
 * @param cacheSize callers whose current token is kept for reuse (memory bound: about 1 KB each)
 */
@ConfigurationProperties("grassroots.gateway.internal-token")
public record InternalTokenProperties(String signingKeys, @DefaultValue("60s") Duration ttl,
		@DefaultValue("false") boolean allowEphemeralKey, @DefaultValue("grassroots-gateway") String issuer,
		@DefaultValue("grassroots-services") String audience, @DefaultValue("10000") int cacheSize) {

}
