package org.grassroots.launcher.e2e;

import java.time.Duration;
import java.time.Instant;

import org.grassroots.launcher.LocalPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.A;
import static org.grassroots.launcher.e2e.Fixtures.VOLUNTEERS;

/** Integrators are held to their rate limit, and a revoked key stops working within seconds. */
@Order(4)
@ExtendWith(PlatformExtension.class)
class IntegratorClientsIT {

	private final LocalPlatform platform;

	private final Gateway gateway;

	IntegratorClientsIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void theSeededIntegratorKeyWorks() {
		Gateway.Reply reply = gateway.get(VOLUNTEERS).apiKey(platform.credentials().tenant(A).apiKey()).send();
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

	@Test
	void beyondItsRateLimitAClientGets429WithRetryAfter() {
		Fixtures.Integrator client = Fixtures.integrator(platform, gateway, A, 3);

		Gateway.Reply last = null;
		for (int i = 0; i < 10; i++) {
			last = gateway.get(VOLUNTEERS).apiKey(client.apiKey()).send();
			if (last.status() == 429) {
				break;
			}
			assertThat(last.status()).as("call %d within the limit: %s", i + 1, last).isEqualTo(200);
		}
		assertThat(last.status()).as("after 10 calls at 3/min").isEqualTo(429);
		assertThat(last.header("Retry-After")).as("Retry-After").isNotBlank();
		assertThat(Long.parseLong(last.header("Retry-After").strip())).isPositive();
		assertThat(last.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aRevokedKeyIsRejectedWithinSeconds() {
		Fixtures.Integrator client = Fixtures.integrator(platform, gateway, A, 600);
		assertThat(gateway.get(VOLUNTEERS).apiKey(client.apiKey()).send().status()).isEqualTo(200);

		Gateway.Reply revoked = gateway.post("/api/v1/platform/clients/" + client.id() + "/revoke", null)
			.bearer(platform.tokenFor(A, "TENANT_ADMIN"))
			.send();
		assertThat(revoked.status()).as("%s", revoked).isBetween(200, 204);

		Instant start = Instant.now();
		int status;
		do {
			status = gateway.get(VOLUNTEERS).apiKey(client.apiKey()).send().status();
		}
		while (status != 401 && Duration.between(start, Instant.now()).toSeconds() < 10 && pause());
		assertThat(status).isEqualTo(401);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	private static boolean pause() {
		try {
			Thread.sleep(200);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
