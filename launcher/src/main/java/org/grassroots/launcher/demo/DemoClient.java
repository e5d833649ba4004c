package org.grassroots.launcher.demo;

import java.util.List;

/**
 * A confidential OAuth2 client of the local issuer standing in for a person: its tokens carry these claims.
 *
 * @param clientId also the token's subject
 * @param tenant the district code, {@code null} for the platform operator
 * @param roles the {@code roles} claim
 * @param region the data scope ({@code region} claim), {@code null} for the platform operator
 */
public record DemoClient(String clientId, String tenant, List<String> roles, String region) {

	public DemoClient {
		roles = List.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

}
