package org.grassroots.launcher.e2e;

import java.time.Duration;

import com.nimbusds.jose.jwk.RSAKey;
import org.grassroots.launcher.LocalPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.A;
import static org.grassroots.launcher.e2e.Fixtures.VOLUNTEERS;

/** Only a valid token from the configured issuer gets past the gateway. */
@Order(1)
@ExtendWith(PlatformExtension.class)
class AuthenticationIT {

	private final LocalPlatform platform;

	private final Gateway gateway;

	AuthenticationIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void withoutCredentialsTheAnswerIsA401Problem() {
		Gateway.Reply reply = gateway.get(VOLUNTEERS).send();

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().path("status").asInt()).isEqualTo(401);
		assertThat(reply.json().path("type").asString()).isNotBlank();
	}

	@Test
	void aTokenFromTheIssuerIsAccepted() {
		assertThat(gateway.get(VOLUNTEERS).bearer(platform.tokenFor(A, "TENANT_ADMIN")).send().status())
			.isEqualTo(200);
	}

	@Test
	void anExpiredTokenSignedByTheIssuerIsRejected() {
		// expired an hour ago: well past any clock-skew allowance
		String expired = Tokens.person(platform.issuerSigningKey(), platform.issuerUrl().toString(), A,
				"TENANT_ADMIN", Duration.ofHours(2), Duration.ofHours(1));

		assertRejected(gateway.get(VOLUNTEERS).bearer(expired).send());
	}

	@Test
	void aTokenSignedByAnotherKeyWithTheIssuersKeyIdIsRejected() {
		RSAKey stranger = Tokens.stranger(platform.issuerSigningKey().getKeyID());
		String foreign = Tokens.person(stranger, platform.issuerUrl().toString(), A, "TENANT_ADMIN", Duration.ZERO,
				Duration.ofMinutes(5));

		assertRejected(gateway.get(VOLUNTEERS).bearer(foreign).send());
	}

	@Test
	void aTokenNamingAnotherIssuerIsRejected() {
		String otherIssuer = Tokens.person(platform.issuerSigningKey(), "http://issuer.example", A, "TENANT_ADMIN",
				Duration.ZERO, Duration.ofMinutes(5));

		assertRejected(gateway.get(VOLUNTEERS).bearer(otherIssuer).send());
	}

	@Test
	void malformedTokensAreRejected() {
		for (String malformed : new String[] { "not-a-jwt", "a.b.c", "eyJhbGciOiJub25lIn0.eyJ0ZW5hbnQiOiI0NDE3MDIifQ." }) {
			assertRejected(gateway.get(VOLUNTEERS).bearer(malformed).send());
		}
		assertRejected(gateway.get(VOLUNTEERS).header("Authorization", "Basic dXNlcjpwYXNz").send());
	}

	@Test
	void anUnknownApiKeyIsRejected() {
		assertRejected(gateway.get(VOLUNTEERS).apiKey("gr_not-a-key").send());
	}

	static void assertRejected(Gateway.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

}
