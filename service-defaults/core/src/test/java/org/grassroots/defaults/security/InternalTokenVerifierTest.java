package org.grassroots.defaults.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalTokenVerifierTest {

	final InternalTokenVerifier verifier = new InternalTokenVerifier(
			new InternalTokenProperties(null, TestTokens.jwkSetJson(), null, null, null, null));

	@Test
	void readsTheCallerFromAValidToken() {
		Caller caller = verifier.verify(TestTokens.person("441702", "p-1", "441702/01", "GRID_WORKER", "PARTY_MEMBER"));
		assertThat(caller.subject()).isEqualTo("p-1");
		assertThat(caller.tenant()).isEqualTo("441702");
		assertThat(caller.region()).isEqualTo("441702/01");
		assertThat(caller.roles()).containsExactlyInAnyOrder("GRID_WORKER", "PARTY_MEMBER");
		assertThat(caller.kind()).isEqualTo("person");
		Caller integrator = verifier.verify(TestTokens.integrator("441702", "hotline", "cases:write"));
		assertThat(integrator.kind()).isEqualTo("integrator");
		assertThat(integrator.scopes()).containsExactly("cases:write");
	}

	@Test
	void rejectsWhatTheGatewayDidNotMint() {
		assertReason(null, "token-missing");
		assertReason("garbage", "token-invalid");
		assertReason(TestTokens.builder("441702", "u").foreignSigned().mint(), "token-invalid");
		assertReason(TestTokens.builder("441702", "u").issuer("someone").mint(), "token-invalid");
		assertReason(TestTokens.builder("441702", "u").audience("someone").mint(), "token-invalid");
		assertReason(TestTokens.builder("441702", "u").issuedAgo(Duration.ofMinutes(5)).ttl(Duration.ofMinutes(1)).mint(),
				"token-expired");
		// within the 30 s skew an expired token still passes: clocks differ between pods
		verifier.verify(TestTokens.builder("441702", "u").issuedAgo(Duration.ofSeconds(70)).ttl(Duration.ofSeconds(60)).mint());
	}

	@Test
	void aVerifiedTokenIsKeptUntilItExpiresPlusTheSkewThenRefused() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
		InternalTokenVerifier clocked = new InternalTokenVerifier(
				new InternalTokenProperties(null, TestTokens.jwkSetJson(), null, null, null, null), new Clock() {
					@Override
					public Instant instant() {
						return now.get();
					}

					@Override
					public ZoneId getZone() {
						return ZoneOffset.UTC;
					}

					@Override
					public Clock withZone(ZoneId zone) {
						return this;
					}
				});
		String token = TestTokens.builder("441702", "w-1").ttl(Duration.ofSeconds(60)).mint();
		Caller first = clocked.verify(token);
		// the same token again is answered from what was verified, not verified again
		assertThat(clocked.verify(token)).isSameAs(first);
		now.set(now.get().plusSeconds(60 + 29));
		assertThat(clocked.verify(token)).isSameAs(first);
		// past expiry + 30 s skew: refused like a fresh verification would, although the signature is still good
		now.set(now.get().plusSeconds(2));
		assertThatThrownBy(() -> clocked.verify(token)).isInstanceOf(InvalidTokenException.class)
			.extracting(e -> ((InvalidTokenException) e).reasonCode())
			.isEqualTo("token-expired");
		// a forged token is never kept
		String forged = TestTokens.builder("441702", "w-1").foreignSigned().mint();
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> clocked.verify(forged)).isInstanceOf(InvalidTokenException.class);
		}
	}

	private void assertReason(String token, String reason) {
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
			.extracting(e -> ((InvalidTokenException) e).reasonCode())
			.isEqualTo(reason);
	}
}
