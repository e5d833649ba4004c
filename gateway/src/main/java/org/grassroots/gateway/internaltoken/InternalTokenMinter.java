package org.grassroots.gateway.internaltoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.grassroots.gateway.caller.Caller;

/**
 * Mints the internal token for a caller (claims per docs/architecture.md). An RSA signature costs about a
 * millisecond of CPU, more than everything else the gateway does for a request, so a caller's token is reused
 * while at least half of its lifetime remains: a service never receives a token about to expire, and one
 * signature serves a caller's whole burst. The cache is keyed by every claim that varies (the caller record), so
 * a changed role, scope or region is a new token at once; revoked credentials never reach the minter.
 */
public class InternalTokenMinter {

	private final JWSSigner signer;

	private final JWSHeader header;

	private final String issuer;

	private final String audience;

	private final Duration ttl;

	private final Clock clock;

	private final Cache<Caller, Minted> minted;

	public InternalTokenMinter(SigningKeys keys, InternalTokenProperties properties, Clock clock) {
		try {
			this.signer = new RSASSASigner(keys.signingKey());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Unusable internal-token signing key", ex);
		}
		this.header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signingKey().getKeyID())
			.type(JOSEObjectType.JWT)
			.build();
		this.issuer = properties.issuer();
		this.audience = properties.audience();
		this.ttl = properties.ttl();
		this.clock = clock;
		// expiry here only bounds memory; freshness is checked against the clock in mint()
		this.minted = Caffeine.newBuilder().maximumSize(properties.cacheSize()).expireAfterWrite(ttl).build();
	}

	/** A token for {@code caller} valid for at least half the configured lifetime. */
	public String mint(Caller caller) {
		Instant now = clock.instant();
		Minted cached = minted.getIfPresent(caller);
		if (cached != null && cached.freshAt(now, ttl)) {
			return cached.token();
		}
		Minted fresh = sign(caller);
		minted.put(caller, fresh);
		return fresh.token();
	}

	private Minted sign(Caller caller) {
		// whole seconds: JWT NumericDate has no fractions
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(caller.subject())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ttl)))
			.jwtID(UUID.randomUUID().toString())
			.claim("kind", caller.kind().claim())
			.claim("roles", caller.roles())
			.claim("scopes", caller.scopes());
		if (caller.tenant() != null) {
			claims.claim("tenant", caller.tenant());
		}
		if (caller.region() != null) {
			claims.claim("region", caller.region());
		}
		SignedJWT jwt = new SignedJWT(header, claims.build());
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an internal token", ex);
		}
		return new Minted(jwt.serialize(), now.plus(ttl));
	}

	private record Minted(String token, Instant expiresAt) {

		boolean freshAt(Instant now, Duration ttl) {
			return now.plus(ttl.dividedBy(2)).isBefore(expiresAt);
		}

	}

}
