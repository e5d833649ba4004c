package org.grassroots.launcher.issuer;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The local OIDC issuer: Spring Authorization Server with one confidential client per demo person
 * (client-credentials grant), signing JWT access tokens with the key kept in the data directory. Local mode thus
 * uses the same token path as production, where Keycloak issues the tokens.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
// clients only, no users: without this Boot would create a user with a generated password and log it
@EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
class IssuerApplication {

	/** Long enough to paste a token into a few curl commands; tests fetch fresh ones. */
	static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(30);

	@Bean
	RegisteredClientRepository registeredClientRepository(IssuerSettings settings) {
		List<RegisteredClient> clients = settings.clients().stream().map(IssuerApplication::registered).toList();
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static RegisteredClient registered(IssuerClient client) {
		ClientSettings.Builder claims = ClientSettings.builder().setting(PersonClaimsCustomizer.ROLES, client.roles());
		if (client.tenant() != null) {
			claims.setting(PersonClaimsCustomizer.TENANT, client.tenant());
		}
		if (client.region() != null) {
			claims.setting(PersonClaimsCustomizer.REGION, client.region());
		}
		return RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			// {noop}: the plain secret is in local-credentials.json anyway; hashing would protect nothing here
			.clientSecret("{noop}" + client.secret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(claims.build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build())
			.build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(IssuerSettings settings) {
		return new ImmutableJWKSet<>(new JWKSet(settings.signingKey()));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IssuerSettings settings) {
		// fixed rather than taken from each request, so tokens name the issuer the gateway is configured with
		return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> personClaims() {
		return new PersonClaimsCustomizer();
	}

	/** Only the protocol endpoints exist; everything else is a plain 404. */
	@Bean
	SecurityFilterChain issuerEndpoints(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, server -> server.oidc(withDefaults()))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// the OIDC user-info endpoint takes the issuer's own tokens
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
		return http.build();
	}

}
