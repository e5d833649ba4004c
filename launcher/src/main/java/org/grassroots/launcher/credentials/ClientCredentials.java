package org.grassroots.launcher.credentials;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A confidential client of the local issuer, usable with the client-credentials grant. */
@JsonPropertyOrder({ "clientId", "clientSecret", "roles" })
public record ClientCredentials(String clientId, String clientSecret, List<String> roles) {

	public ClientCredentials {
		roles = List.copyOf(roles);
	}

}
