package org.grassroots.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.grassroots.gateway.caller.Caller;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

	@Test
	void aNewBucketIsFullAndEachRequestTakesOneToken() {
		TokenBucket.Result first = TokenBucket.take(null, 0, 60);
		assertThat(first.decision().allowed()).isTrue();
		assertThat(first.decision().remaining()).isEqualTo(59);
		assertThat(first.decision().limit()).isEqualTo(60);
		assertThat(first.decision().resetMillis()).isEqualTo(1000);
	}

	@Test
	void anEmptyBucketRefusesAndSaysWhenToRetry() {
		TokenBucket.State state = null;
		for (int i = 0; i < 3; i++) {
			TokenBucket.Result result = TokenBucket.take(state, 0, 3);
			assertThat(result.decision().allowed()).isTrue();
			state = result.state();
		}
		TokenBucket.Result refused = TokenBucket.take(state, 0, 3);
		assertThat(refused.decision().allowed()).isFalse();
		assertThat(refused.decision().remaining()).isZero();
		// 3 per minute: one token every 20 s
		assertThat(refused.decision().retryAfterMillis()).isEqualTo(20_000);
		assertThat(refused.decision().retryAfterSeconds()).isEqualTo(20);
		assertThat(refused.decision().resetSeconds()).isEqualTo(60);
		// a refused request does not drain what is refilling
		assertThat(TokenBucket.take(refused.state(), 20_000, 3).decision().allowed()).isTrue();
	}

	@Test
	void tokensRefillContinuouslyUpToTheCapacity() {
		TokenBucket.State empty = new TokenBucket.State(0, 0);
		assertThat(TokenBucket.take(empty, 500, 60).decision().allowed()).isFalse();
		assertThat(TokenBucket.take(empty, 500, 60).decision().retryAfterMillis()).isEqualTo(500);
		assertThat(TokenBucket.take(empty, 1000, 60).decision().allowed()).isTrue();
		TokenBucket.Result later = TokenBucket.take(empty, 3_600_000, 60);
		assertThat(later.decision().remaining()).isEqualTo(59);
		// clocks going backwards do not mint tokens
		assertThat(TokenBucket.take(new TokenBucket.State(0, 10_000), 5_000, 60).decision().allowed()).isFalse();
	}

	@Test
	void retryAfterIsAtLeastOneSecond() {
		assertThat(new RateLimitDecision(false, 6000, 0, 10, 10).retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void theLocalLimiterIsBounded() {
		LocalRateLimiter limiter = new LocalRateLimiter(100);
		for (int i = 0; i < 1000; i++) {
			limiter.take("client-" + i, 10, 0);
		}
		assertThat(limiter.size()).isLessThanOrEqualTo(100);
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.take("hot", 10, 0).allowed()).isTrue();
		}
		assertThat(limiter.take("hot", 10, 0).allowed()).isFalse();
	}

	@Test
	void keysStartWithTheTenant() throws UnknownHostException {
		UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
		InetAddress address = InetAddress.getByName("203.0.113.5");
		assertThat(RateLimiter.key(Caller.integrator(id, "110101", List.of(), 5), address, "grid"))
			.isEqualTo("t:110101:rl:c:" + id + ":grid");
		assertThat(RateLimiter.key(Caller.person("u-1", "110101", List.of("RESIDENT"), null), address, "center"))
			.isEqualTo("t:110101:rl:u:u-1:center");
		assertThat(RateLimiter.key(Caller.anonymous("110101"), address, "center"))
			.isEqualTo("t:110101:rl:ip:203.0.113.5:center");
		assertThat(RateLimiter.key(Caller.person("op", null, List.of("PLATFORM_OPERATOR"), null), address, "platform"))
			.isEqualTo("p:rl:u:op:platform");
		assertThat(RateLimiter.key(null, address, "openapi")).isEqualTo("p:rl:ip:203.0.113.5:openapi");
	}

}
