package org.grassroots.gateway.caller;

/** Who is calling, as the internal token's {@code kind} claim names it. */
public enum CallerKind {

	PERSON("person"), INTEGRATOR("integrator"), ANONYMOUS("anonymous");

	private final String claim;

	CallerKind(String claim) {
		this.claim = claim;
	}

	public String claim() {
		return claim;
	}

}
