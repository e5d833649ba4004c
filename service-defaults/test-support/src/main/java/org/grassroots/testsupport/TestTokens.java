package org.grassroots.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints internal tokens the way the gateway does, signed with a key generated once per JVM. Services under test
 * are configured with {@link #jwkSetJson()} as their trusted key set.
 */
public final class TestTokens {

	public static final String ISSUER = "grassroots-gateway";

	public static final String AUDIENCE = "grassroots-services";

	private static final RSAKey KEY = generate("test-key-1");

	/** A second key the services do not trust: for foreign-signature tests. */
	private static final RSAKey FOREIGN_KEY = generate("test-key-1");

	private TestTokens() {
	}

	/** The public JWK set the services should trust. */
	public static String jwkSetJson() {
		return new JWKSet(KEY.toPublicJWK()).toString();
	}

	/** A person's internal token. */
	public static String person(String tenant, String subject, String region, String... roles) {
		return builder(tenant, subject).region(region).roles(roles).mint();
	}

	/** An integrator's internal token. */
	public static String integrator(String tenant, String clientId, String... scopes) {
		return builder(tenant, "client:" + clientId).kind("integrator").roles("INTEGRATOR").scopes(scopes).mint();
	}

	public static Builder builder(String tenant, String subject) {
		return new Builder(tenant, subject);
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Claims of one internal token; defaults are a valid person token for one minute. */
	public static final class Builder {

		private final String tenant;

		private final String subject;

		private String region;

		private List<String> roles = List.of();

		private List<String> scopes = List.of();

		private String kind = "person";

		private String issuer = ISSUER;

		private String audience = AUDIENCE;

		private Instant issuedAt = Instant.now();

		private Duration ttl = Duration.ofMinutes(1);

		private boolean foreign;

		private Builder(String tenant, String subject) {
			this.tenant = tenant;
			this.subject = subject;
			this.region = tenant;
		}

		public Builder region(String region) {
			this.region = region;
			return this;
		}

		public Builder roles(String... roles) {
			this.roles = List.of(roles);
			return this;
		}

		public Builder scopes(String... scopes) {
			this.scopes = List.of(scopes);
			return this;
		}

		public Builder kind(String kind) {
			this.kind = kind;
			return this;
		}

		public Builder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public Builder audience(String audience) {
			this.audience = audience;
			return this;
		}

		/** Issued this long ago: with a ttl shorter than the age the token is expired. */
		public Builder issuedAgo(Duration age) {
			this.issuedAt = Instant.now().minus(age);
			return this;
		}

		public Builder ttl(Duration ttl) {
			this.ttl = ttl;
			return this;
		}

		/** Signed by a key with the trusted key's id that the services do not know. */
		public Builder foreignSigned() {
			this.foreign = true;
			return this;
		}

		public String mint() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
				.audience(audience)
				.subject(subject)
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(issuedAt))
				.expirationTime(Date.from(issuedAt.plus(ttl)))
				.claim("kind", kind)
				.claim("roles", roles)
				.claim("scopes", scopes);
			if (tenant != null) {
				claims.claim("tenant", tenant);
			}
			if (region != null) {
				claims.claim("region", region);
			}
			RSAKey key = foreign ? FOREIGN_KEY : KEY;
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
						claims.build());
				jwt.sign(new RSASSASigner(key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
