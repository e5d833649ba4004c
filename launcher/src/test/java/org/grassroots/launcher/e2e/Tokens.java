package org.grassroots.launcher.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Tokens the issuer would never hand out: expired ones, ones signed by a stranger, forged internal tokens. */
final class Tokens {

	private Tokens() {
	}

	/** A person token for {@code tenant} as the issuer would sign it, issued {@code age} ago for {@code ttl}. */
	static String person(RSAKey key, String issuer, String tenant, String role, Duration age, Duration ttl) {
		Instant issuedAt = Instant.now().minus(age);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(tenant + "-forged")
			.audience(tenant + "-forged")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(ttl)))
			.claim("tenant", tenant)
			.claim("roles", List.of(role))
			.claim("region", tenant)
			.build();
		return sign(key, claims);
	}

	/** An internal token as the gateway would mint it, for {@code tenant}'s administrator. */
	static String internal(RSAKey key, String tenant) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("grassroots-gateway")
			.audience("grassroots-services")
			.subject("forger")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(1))))
			.claim("tenant", tenant)
			.claim("roles", List.of("TENANT_ADMIN"))
			.claim("region", tenant)
			.claim("kind", "person")
			.claim("scopes", List.of())
			.build();
		return sign(key, claims);
	}

	/** A key nobody trusts, with the key id of one they do. */
	static RSAKey stranger(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
