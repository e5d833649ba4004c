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

/**
 * A stopped service answers as a prompt 503 problem from the gateway, and the route recovers when the service is
 * back. Runs last: it restarts a service.
 */
@Order(100)
@ExtendWith(PlatformExtension.class)
class DownstreamFailureIT {

	/** Connection refused must not wait for the gateway's read timeout, let alone the client's. */
	private static final Duration PROMPT = Duration.ofSeconds(10);

	private final LocalPlatform platform;

	private final Gateway gateway;

	DownstreamFailureIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void aStoppedServiceIsA503ProblemAndRecoversWhenItReturns() {
		String token = platform.tokenFor(A, "TENANT_ADMIN");
		assertThat(gateway.get(VOLUNTEERS).bearer(token).send().status()).isEqualTo(200);

		platform.stopApp("volunteer-service");
		try {
			Instant start = Instant.now();
			Gateway.Reply down = gateway.get(VOLUNTEERS).bearer(token).send();
			assertThat(Duration.between(start, Instant.now())).isLessThan(PROMPT);
			assertThat(down.status()).as("%s", down).isEqualTo(503);
			assertThat(down.contentType()).startsWith("application/problem+json");
			assertThat(down.json().path("status").asInt()).isEqualTo(503);
		}
		finally {
			platform.startApp("volunteer-service");
		}

		// the circuit breaker may hold the route open for a while after the service is back
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		int status;
		do {
			status = gateway.get(VOLUNTEERS).bearer(token).send().status();
		}
		while (status != 200 && Instant.now().isBefore(deadline) && pause());
		assertThat(status).as("after volunteer-service restarted").isEqualTo(200);
	}

	private static boolean pause() {
		try {
			Thread.sleep(500);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
