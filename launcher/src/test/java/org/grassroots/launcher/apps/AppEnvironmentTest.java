package org.grassroots.launcher.apps;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.grassroots.launcher.secrets.PlatformSecrets;
import org.grassroots.testsupport.DatabaseCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The apps are configured exactly through the variables of the configuration contract (docs/architecture.md). */
class AppEnvironmentTest {

	private PlatformWiring wiring;

	@BeforeEach
	void wiring() throws Exception {
		Map<PlatformApp, Integer> ports = new EnumMap<>(PlatformApp.class);
		for (PlatformApp app : PlatformApp.values()) {
			ports.put(app, app.defaultPort());
		}
		PlatformSecrets secrets = new PlatformSecrets(new RSAKeyGenerator(2048).keyID("issuer").generate(),
				new JWKSet(new RSAKeyGenerator(2048).keyID("internal").generate()), "pepper", "cHJpdmFjeQ==", "YmxpbmQ=");
		wiring = new PlatformWiring(ports,
				db -> new DatabaseCredentials("jdbc:postgresql://127.0.0.1:15432/" + db, db + "_owner", "o", db + "_app",
						"a"),
				"redis://127.0.0.1:16379", URI.create("http://localhost:9000"), secrets);
	}

	@Test
	void aServiceGetsItsDatabaseRolesRedisTheGatewayKeysAndItsPeers() {
		Map<String, String> env = AppEnvironment.of(PlatformApp.GRID, wiring);

		assertThat(env).containsEntry("SERVER_PORT", "8085")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/grid")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "grid_app")
			.containsEntry("SPRING_FLYWAY_USER", "grid_owner")
			.containsEntry("SPRING_DATA_REDIS_URL", "redis://127.0.0.1:16379")
			.containsEntry("GRASSROOTS_SECURITY_INTERNAL_TOKEN_JWK_SET_URI",
					"http://localhost:8080/internal-token/jwks.json")
			.containsEntry("GRASSROOTS_CLIENTS_MEMBER_URL", "http://localhost:8082")
			.containsEntry("GRASSROOTS_CLIENTS_CENTER_URL", "http://localhost:8081")
			.containsEntry("GRASSROOTS_PRIVACY_ENCRYPTIONKEYS_LOCAL1", "cHJpdmFjeQ==")
			.containsEntry("GRASSROOTS_PRIVACY_ACTIVEKEY", "local1")
			.containsEntry("GRASSROOTS_PRIVACY_BLINDINDEXKEY", "YmxpbmQ=")
			.doesNotContainKeys("GRASSROOTS_GATEWAY_INTERNAL_TOKEN_SIGNING_KEYS", "GRASSROOTS_GATEWAY_API_KEYS_PEPPER");
	}

	@Test
	void theGatewayGetsRoutesIssuerAndItsSecrets() {
		Map<String, String> env = AppEnvironment.of(PlatformApp.GATEWAY, wiring);

		assertThat(env).containsEntry("SERVER_PORT", "8080")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "gateway_app")
			.containsEntry("SPRING_FLYWAY_USER", "gateway_owner")
			.containsEntry("GRASSROOTS_GATEWAY_SERVICES_VOLUNTEER_URL", "http://localhost:8083")
			.containsEntry("GRASSROOTS_GATEWAY_SERVICES_GRID_URL", "http://localhost:8085")
			.containsEntry("GRASSROOTS_GATEWAY_OIDC_ISSUER_URI", "http://localhost:9000")
			.containsEntry("GRASSROOTS_GATEWAY_API_KEYS_PEPPER", "pepper")
			.doesNotContainKey("GRASSROOTS_SECURITY_INTERNAL_TOKEN_JWK_SET_URI");
		assertThat(env.get("GRASSROOTS_GATEWAY_INTERNAL_TOKEN_SIGNING_KEYS")).contains("\"kid\":\"internal\"")
			.contains("\"d\":");
	}

}
