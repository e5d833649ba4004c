package org.grassroots.defaults.security;

/** The internal token is missing, malformed, expired, or not signed by a trusted key. */
public class InvalidTokenException extends RuntimeException {

	private final String reasonCode;

	public InvalidTokenException(String reasonCode, String message, Throwable cause) {
		super(message, cause);
		this.reasonCode = reasonCode;
	}

	/** {@code token-missing}, {@code token-invalid} or {@code token-expired}. */
	public String reasonCode() {
		return reasonCode;
	}
}
