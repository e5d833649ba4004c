package org.grassroots.launcher.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.text.ParseException;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.grassroots.launcher.LocalPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.A;
import static org.grassroots.launcher.e2e.Fixtures.B;
import static org.grassroots.launcher.e2e.Fixtures.VOLUNTEERS;

/**
 * Headers a client sends to impersonate the gateway's internal traffic change nothing: the tenant comes from the
 * credential only. The forged internal token here is signed with the gateway's real signing key, the strongest
 * forgery an attacker could hope for.
 */
@Order(2)
@ExtendWith(PlatformExtension.class)
class ForgedHeadersIT {

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final String forgedForA;

	ForgedHeadersIT(LocalPlatform platform, Gateway gateway) throws IOException, ParseException {
		this.platform = platform;
		this.gateway = gateway;
		JWKSet gatewayKeys = JWKSet.parse(Files.readString(
				platform.dataDirectory().resolve("secrets").resolve("internal-token-signing-keys.json")));
		this.forgedForA = Tokens.internal((RSAKey) gatewayKeys.getKeys().get(0), A);
	}

	private Gateway.Call withForgedHeaders(Gateway.Call call) {
		return call.header("X-Tenant-Id", A)
			.header("X-Tenant", A)
			.header("X-Internal-Token", forgedForA)
			.header("X-Grassroots-Internal-Token", forgedForA)
			.header("X-Grassroots-Tenant", A)
			.header("X-Grassroots-Roles", "TENANT_ADMIN")
			.header("X-Grassroots-Region", A);
	}

	@Test
	void withoutCredentialsForgedHeadersStillGetA401() {
		AuthenticationIT.assertRejected(withForgedHeaders(gateway.get(VOLUNTEERS)).send());
	}

	@Test
	void anInternalTokenIsNoCredentialAtTheGateway() {
		AuthenticationIT.assertRejected(gateway.get(VOLUNTEERS).bearer(forgedForA).send());
	}

	@Test
	void forgedHeadersDoNotMoveACallerIntoAnotherTenant() {
		String inA = Fixtures.volunteer(platform, gateway, A, "伪造测试甲");

		Gateway.Reply list = withForgedHeaders(gateway.get(VOLUNTEERS + "?limit=100"))
			.bearer(platform.tokenFor(B, "TENANT_ADMIN"))
			.send();
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.ids()).doesNotContain(inA);

		Gateway.Reply read = withForgedHeaders(gateway.get(VOLUNTEERS + "/" + inA))
			.bearer(platform.tokenFor(B, "TENANT_ADMIN"))
			.send();
		assertThat(read.status()).isEqualTo(404);

		Gateway.Reply viaKey = withForgedHeaders(gateway.get(VOLUNTEERS + "/" + inA))
			.apiKey(platform.credentials().tenant(B).apiKey())
			.send();
		assertThat(viaKey.status()).isEqualTo(404);
	}

}
