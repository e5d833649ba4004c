package org.grassroots.defaults.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Verifies the gateway's internal token: RS256 signature by a key in the trusted set (fetched from the gateway's
 * JWK set and cached, refreshed when an unknown {@code kid} appears, so key rotation needs no restart), issuer,
 * audience and lifetime.
 * <p>
 * The gateway hands a caller the same token for half its lifetime, so a verified token's caller is kept until the
 * token expires: one RSA verification per caller per half-minute instead of per request (it was about a tenth of
 * a service's CPU under load). A kept token is refused once its expiry plus the skew has passed, exactly as a fresh
 * verification would refuse it.
 */
public class InternalTokenVerifier {

	/** A few hundred bytes per entry; far more callers than one replica serves in a minute. */
	private static final int VERIFIED_CACHE_SIZE = 20_000;

	private final DefaultJWTProcessor<SecurityContext> processor;

	private final Cache<String, Verified> verified;

	private final Duration clockSkew;

	private final Clock clock;

	public InternalTokenVerifier(InternalTokenProperties properties) {
		this(properties, Clock.systemUTC());
	}

	InternalTokenVerifier(InternalTokenProperties properties, Clock clock) {
		this.clock = clock;
		this.clockSkew = properties.clockSkew();
		this.verified = Caffeine.newBuilder()
			.maximumSize(VERIFIED_CACHE_SIZE)
			.expireAfterWrite(Duration.ofMinutes(2))
			.build();
		this.processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource(properties)));
		var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(properties.audience(),
				new JWTClaimsSet.Builder().issuer(properties.issuer()).build(), Set.of("sub", "exp", "iat", "kind"));
		verifier.setMaxClockSkew((int) properties.clockSkew().toSeconds());
		processor.setJWTClaimsSetVerifier(verifier);
	}

	private static JWKSource<SecurityContext> keySource(InternalTokenProperties properties) {
		try {
			if (properties.jwkSet() != null && !properties.jwkSet().isBlank()) {
				return new ImmutableJWKSet<>(JWKSet.parse(properties.jwkSet()));
			}
			if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
				return JWKSourceBuilder.create(URI.create(properties.jwkSetUri()).toURL())
					.cache(15 * 60_000L, 5_000L)
					.refreshAheadCache(true)
					.rateLimited(10_000L)
					.retrying(true)
					.build();
			}
		}
		catch (ParseException | MalformedURLException ex) {
			throw new IllegalStateException("grassroots.security.internal-token: unusable key set", ex);
		}
		throw new IllegalStateException(
				"Set grassroots.security.internal-token.jwk-set-uri (the gateway's /internal-token/jwks.json) or jwk-set");
	}

	public Caller verify(String token) {
		if (token == null || token.isBlank()) {
			throw new InvalidTokenException("token-missing", "no bearer token", null);
		}
		Verified known = verified.getIfPresent(token);
		if (known != null) {
			if (clock.instant().minus(clockSkew).isAfter(known.expiresAt())) {
				verified.invalidate(token);
				throw new InvalidTokenException("token-expired", "Expired JWT", null);
			}
			return known.caller();
		}
		return verifyNow(token);
	}

	private Caller verifyNow(String token) {
		JWTClaimsSet claims;
		try {
			claims = processor.process(token, null);
		}
		catch (BadJWTException ex) {
			boolean expired = ex.getMessage() != null && ex.getMessage().toLowerCase().contains("expired");
			throw new InvalidTokenException(expired ? "token-expired" : "token-invalid", ex.getMessage(), ex);
		}
		catch (ParseException | BadJOSEException | JOSEException ex) {
			throw new InvalidTokenException("token-invalid", ex.getMessage(), ex);
		}
		Date exp = claims.getExpirationTime();
		if (exp == null) {
			throw new InvalidTokenException("token-invalid", "no expiry", null);
		}
		try {
			Caller caller = new Caller(claims.getSubject(), claims.getStringClaim("tenant"), strings(claims, "roles"),
					claims.getStringClaim("region"), claims.getStringClaim("kind"), strings(claims, "scopes"), token);
			verified.put(token, new Verified(caller, exp.toInstant()));
			return caller;
		}
		catch (ParseException ex) {
			throw new InvalidTokenException("token-invalid", "malformed claims", ex);
		}
	}

	private static Set<String> strings(JWTClaimsSet claims, String name) throws ParseException {
		List<String> values = claims.getStringListClaim(name);
		return (values == null) ? Set.of() : Set.copyOf(new LinkedHashSet<>(new HashSet<>(values)));
	}

	private record Verified(Caller caller, Instant expiresAt) {
	}

}
