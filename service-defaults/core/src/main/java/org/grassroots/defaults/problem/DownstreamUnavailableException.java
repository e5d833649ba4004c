package org.grassroots.defaults.problem;

/**
 * Another service we depend on did not answer (down, timed out, or its circuit is open). Feign fallbacks throw
 * this when no honest degraded answer exists; it becomes a 503 problem that names the service.
 */
public class DownstreamUnavailableException extends RuntimeException {

	private final String service;

	public DownstreamUnavailableException(String service, Throwable cause) {
		super(service + " unavailable" + (cause != null ? ": " + cause.getMessage() : ""), cause);
		this.service = service;
	}

	public String service() {
		return service;
	}
}
