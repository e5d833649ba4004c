package org.grassroots.gateway.auth;

/** A correctly signed person token whose claims cannot describe a caller. */
class InvalidClaimsException extends RuntimeException {

	private final String claim;

	InvalidClaimsException(String claim) {
		super("Invalid or missing claim: " + claim, null, false, false);
		this.claim = claim;
	}

	String claim() {
		return claim;
	}

}
