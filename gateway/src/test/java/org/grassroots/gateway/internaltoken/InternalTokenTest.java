package org.grassroots.gateway.internaltoken;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.grassroots.gateway.caller.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InternalTokenTest {

	static final Instant NOW = Instant.parse("2026-03-01T08:00:00.750Z");

	@Test
	void claimsFollowTheArchitectureContract() throws Exception {
		SigningKeys keys = SigningKeys.parse(new JWKSet(List.of(rsa("k2"), rsa("k1"))).toString(false));
		InternalTokenMinter minter = new InternalTokenMinter(keys, properties(null, false),
				Clock.fixed(NOW, ZoneOffset.UTC));
		UUID client = UUID.randomUUID();
		SignedJWT jwt = SignedJWT.parse(minter.mint(Caller.integrator(client, "110101", List.of("cases:write"), 60)));
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("k2");
		assertThat(jwt.verify(new RSASSAVerifier(JWKSet.parse(keys.publicJwkSetJson()).getKeyByKeyId("k2").toRSAKey())))
			.isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("grassroots-gateway");
		assertThat(claims.getAudience()).containsExactly("grassroots-services");
		assertThat(claims.getSubject()).isEqualTo("client:" + client);
		assertThat(claims.getClaim("tenant")).isEqualTo("110101");
		assertThat(claims.getClaim("region")).isEqualTo("110101");
		assertThat(claims.getClaim("kind")).isEqualTo("integrator");
		assertThat(claims.getStringListClaim("roles")).containsExactly("INTEGRATOR");
		assertThat(claims.getStringListClaim("scopes")).containsExactly("cases:write");
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-03-01T08:01:00Z"));
		assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
	}

	@Test
	void aCallersTokenIsReusedWhileMoreThanHalfItsLifetimeRemainsThenReminted() throws ParseException {
		MutableClock clock = new MutableClock(NOW);
		InternalTokenMinter minter = new InternalTokenMinter(SigningKeys.ephemeral(), properties(null, true), clock);
		Caller worker = Caller.person("w1", "441702", List.of("GRID_WORKER"), "441702/441702001");
		String first = minter.mint(worker);

		clock.advance(Duration.ofSeconds(29));
		assertThat(minter.mint(worker)).isEqualTo(first);
		// another claim set is another token, never the cached one
		Caller widerScope = Caller.person("w1", "441702", List.of("GRID_WORKER"), "441702");
		assertThat(SignedJWT.parse(minter.mint(widerScope)).getJWTClaimsSet().getClaim("region")).isEqualTo("441702");

		clock.advance(Duration.ofSeconds(2));
		String second = minter.mint(worker);
		assertThat(second).isNotEqualTo(first);
		// what a service receives always has at least half of the 60 s left
		Instant expires = SignedJWT.parse(second).getJWTClaimsSet().getExpirationTime().toInstant();
		assertThat(Duration.between(clock.instant(), expires)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aPlatformOperatorTokenHasNoTenantOrRegion() throws ParseException {
		InternalTokenMinter minter = new InternalTokenMinter(SigningKeys.ephemeral(), properties(null, true),
				Clock.systemUTC());
		JWTClaimsSet claims = SignedJWT
			.parse(minter.mint(Caller.person("op", null, List.of("PLATFORM_OPERATOR"), null)))
			.getJWTClaimsSet();
		assertThat(claims.getClaims()).doesNotContainKeys("tenant", "region");
		assertThat(claims.getClaim("kind")).isEqualTo("person");
	}

	@Test
	void theJwkSetPublishesEveryKeyWithoutPrivateParts() throws ParseException {
		SigningKeys keys = SigningKeys.parse(new JWKSet(List.of(rsa("new"), rsa("old"))).toString(false));
		JWKSet published = JWKSet.parse(keys.publicJwkSetJson());
		assertThat(published.getKeys()).extracting(k -> k.getKeyID()).containsExactly("new", "old");
		assertThat(published.getKeys()).noneMatch(k -> k.isPrivate());
		assertThat(published.getKeys()).allMatch(k -> JWSAlgorithm.RS256.equals(k.getAlgorithm()));
	}

	@Test
	void withoutKeysTheGatewayRefusesToStartUnlessEphemeralKeysAreAllowed() {
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.load(properties(null, false)))
			.withMessageContaining("allow-ephemeral-key");
		assertThat(SigningKeys.load(properties(" ", true)).signingKey().getKeyID()).startsWith("ephemeral-");
	}

	@Test
	void unusableKeySetsAreRefused() throws JOSEException {
		RSAKey publicOnly = rsa("pub").toPublicJWK();
		RSAKey noKid = new RSAKeyGenerator(2048).generate();
		RSAKey small = new RSAKeyGenerator(1024, true).keyID("small").generate();
		for (String json : List.of("not json", "{\"keys\":[]}", new JWKSet(publicOnly).toString(false),
				new JWKSet(noKid).toString(false), new JWKSet(small).toString(false),
				new JWKSet(List.of(rsa("same"), rsa("same"))).toString(false))) {
			assertThatIllegalStateException().as(json).isThrownBy(() -> SigningKeys.parse(json));
		}
	}

	/** A clock the test moves forward. */
	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	private static InternalTokenProperties properties(String keys, boolean allowEphemeral) {
		return new InternalTokenProperties(keys, Duration.ofSeconds(60), allowEphemeral, "grassroots-gateway",
				"grassroots-services", 100);
	}

	private static RSAKey rsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
