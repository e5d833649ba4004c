package org.grassroots.defaults.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services trust the gateway's internal token.
 *
 * @param jwkSetUri the gateway's key set, e.g. {@code http://gateway:8080/internal-token/jwks.json}
 * @param jwkSet the trusted public key set inline (takes precedence; tests and static deployments)
 * @param issuer expected {@code iss}
 * @param audience expected {@code aud}
 * @param clockSkew tolerated clock difference
 * @param publicPaths Ant-style paths that need no token (actuator, OpenAPI)
 */
@ConfigurationProperties("grassroots.security.internal-token")
public record InternalTokenProperties(String jwkSetUri, String jwkSet, String issuer, String audience,
		Duration clockSkew, List<String> publicPaths) {

	public InternalTokenProperties {
		issuer = (issuer == null) ? "grassroots-gateway" : issuer;
		audience = (audience == null) ? "grassroots-services" : audience;
		clockSkew = (clockSkew == null) ? Duration.ofSeconds(30) : clockSkew;
		publicPaths = (publicPaths == null) ? List.of("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/error")
				: List.copyOf(publicPaths);
	}
}
