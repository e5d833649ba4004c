package org.grassroots.launcher.issuer;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer alone: client-credentials tokens carry the person claims the gateway reads. */
class IssuerServerTest {

	private static RSAKey key;

	private static IssuerServer issuer;

	private static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		key = new RSAKeyGenerator(2048).keyID("test-issuer").generate();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		issuer = IssuerServer.start(port, key, List.of(
				new IssuerClient("441702-community-staff", "s3cret", "441702", List.of("COMMUNITY_STAFF"),
						"441702/441702001/441702001003"),
				new IssuerClient("platform-operator", "op", null, List.of("PLATFORM_OPERATOR"), null)));
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void tokenCarriesTenantRolesAndRegionSignedByThePersistedKey() throws Exception {
		String token = new TokenClient(issuer.issuer(), http).accessToken("441702-community-staff", "s3cret");

		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("test-issuer");
		var claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(issuer.issuer().toString());
		assertThat(claims.getSubject()).isEqualTo("441702-community-staff");
		assertThat(claims.getStringClaim("tenant")).isEqualTo("441702");
		assertThat(claims.getStringListClaim("roles")).containsExactly("COMMUNITY_STAFF");
		assertThat(claims.getStringClaim("region")).isEqualTo("441702/441702001/441702001003");
	}

	@Test
	void operatorTokenHasNoTenant() throws Exception {
		var claims = SignedJWT.parse(new TokenClient(issuer.issuer(), http).accessToken("platform-operator", "op"))
			.getJWTClaimsSet();
		assertThat(claims.getClaims()).doesNotContainKeys("tenant", "region");
		assertThat(claims.getStringListClaim("roles")).containsExactly("PLATFORM_OPERATOR");
	}

	@Test
	void wrongSecretIsRefused() {
		assertThatThrownBy(() -> new TokenClient(issuer.issuer(), http).accessToken("platform-operator", "nope"))
			.hasMessageContaining("401");
	}

	@Test
	void publishesDiscoveryAndKeysForResourceServers() throws Exception {
		HttpResponse<String> discovery = http.send(HttpRequest
			.newBuilder(issuer.issuer().resolve("/.well-known/openid-configuration")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(discovery.body()).contains("\"issuer\":\"" + issuer.issuer() + "\"");

		HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/oauth2/jwks")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.body()).contains("test-issuer").doesNotContain("\"d\"");
	}

}
