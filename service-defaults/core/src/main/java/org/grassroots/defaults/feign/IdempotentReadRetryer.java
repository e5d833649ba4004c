package org.grassroots.defaults.feign;

import feign.Request;
import feign.RetryableException;
import feign.Retryer;

/**
 * Retries a failed call only when it is a read (GET): repeating a write could apply it twice. Two attempts in all,
 * with a short pause, so a retry stays well inside the client's timeout budget.
 */
public class IdempotentReadRetryer implements Retryer {

	private final int maxAttempts;

	private final long pauseMillis;

	private int attempt = 1;

	public IdempotentReadRetryer() {
		this(2, 100);
	}

	public IdempotentReadRetryer(int maxAttempts, long pauseMillis) {
		this.maxAttempts = maxAttempts;
		this.pauseMillis = pauseMillis;
	}

	@Override
	public void continueOrPropagate(RetryableException e) {
		if (e.method() != Request.HttpMethod.GET || attempt++ >= maxAttempts) {
			throw e;
		}
		try {
			Thread.sleep(pauseMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw e;
		}
	}

	@Override
	public Retryer clone() {
		return new IdempotentReadRetryer(maxAttempts, pauseMillis);
	}
}
