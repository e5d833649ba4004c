package org.grassroots.launcher.issuer;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the person claims the gateway reads ({@code tenant}, {@code roles} as an array, {@code region}) into access
 * tokens. The values ride on each registered client's settings, so a client stands for one demo person.
 */
final class PersonClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String TENANT = "grassroots.tenant";

	static final String ROLES = "grassroots.roles";

	static final String REGION = "grassroots.region";

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		ClientSettings settings = context.getRegisteredClient().getClientSettings();
		String tenant = settings.getSetting(TENANT);
		List<String> roles = settings.getSetting(ROLES);
		String region = settings.getSetting(REGION);
		context.getClaims().claims(claims -> {
			// the operator works across tenants: no tenant and no region, rather than empty strings
			if (tenant != null) {
				claims.put("tenant", tenant);
			}
			if (region != null) {
				claims.put("region", region);
			}
			claims.put("roles", roles == null ? List.of() : roles);
		});
	}

}
