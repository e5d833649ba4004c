package org.grassroots.launcher.issuer;

import java.util.List;

/**
 * A client registered with the local issuer: its secret and the person claims its tokens carry.
 *
 * @param clientId client id and token subject
 * @param secret client secret
 * @param tenant {@code tenant} claim, {@code null} for the platform operator
 * @param roles {@code roles} claim
 * @param region {@code region} claim, {@code null} for the platform operator
 */
public record IssuerClient(String clientId, String secret, String tenant, List<String> roles, String region) {

	public IssuerClient {
		roles = List.copyOf(roles);
	}

}
