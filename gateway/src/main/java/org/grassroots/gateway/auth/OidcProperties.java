package org.grassroots.gateway.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect issuer of people's tokens (Keycloak in production) and where their claims live.
 * @param issuerUri the issuer; its keys are discovered from {@code {issuer}/.well-known/openid-configuration}
 * @param jwkSetUri the issuer's JWK set, skipping discovery when set
 * @param tenantClaim claim holding the district code (dotted path for nested claims)
 * @param rolesClaim claim holding the roles, an array or a space-separated string (e.g. {@code realm_access.roles})
 * @param regionClaim claim holding the data-scope path
 * @param audiences when not empty, the token's {@code aud} must contain one of these
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param jwsAlgorithms accepted signature algorithms
 * @param timeout connect and read timeout for discovery and JWK set fetches
 */
@ConfigurationProperties("grassroots.gateway.oidc")
public record OidcProperties(String issuerUri, String jwkSetUri, @DefaultValue("tenant") String tenantClaim,
		@DefaultValue("roles") String rolesClaim, @DefaultValue("region") String regionClaim,
		@DefaultValue List<String> audiences, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("RS256") List<String> jwsAlgorithms, @DefaultValue("5s") Duration timeout) {

}
