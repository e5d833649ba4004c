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

import org.grassroots.gateway.caller.Caller;

/**
 * Mints the internal token for one request (claims per docs/architecture.md). The signer and header are built
 * once; each token costs one RSA signature.
 */
public class InternalTokenMinter {

	private final JWSSigner signer;

	private final JWSHeader header;

	private final String issuer;

	private final String audience;

	private final Duration ttl;

	private final Clock clock;

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
	}

	public String mint(Caller caller) {
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
		return jwt.serialize();
	}

}
