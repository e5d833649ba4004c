package org.grassroots.defaults.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 */
public class InternalTokenVerifier {

	private final DefaultJWTProcessor<SecurityContext> processor;

	public InternalTokenVerifier(InternalTokenProperties properties) {
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
			return new Caller(claims.getSubject(), claims.getStringClaim("tenant"), strings(claims, "roles"),
					claims.getStringClaim("region"), claims.getStringClaim("kind"), strings(claims, "scopes"), token);
		}
		catch (ParseException ex) {
			throw new InvalidTokenException("token-invalid", "malformed claims", ex);
		}
	}

	private static Set<String> strings(JWTClaimsSet claims, String name) throws ParseException {
		List<String> values = claims.getStringListClaim(name);
		return (values == null) ? Set.of() : Set.copyOf(new LinkedHashSet<>(new HashSet<>(values)));
	}
}
