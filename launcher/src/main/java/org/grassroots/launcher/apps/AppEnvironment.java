package org.grassroots.launcher.apps;

import java.util.LinkedHashMap;
import java.util.Map;

import org.grassroots.launcher.secrets.PlatformSecrets;
import org.grassroots.testsupport.DatabaseCredentials;

/**
 * The environment of each app, per the configuration contract in docs/architecture.md: the same variables a
 * Kubernetes ConfigMap and secrets provide in production, plus what only a laptop needs.
 */
final class AppEnvironment {

	private AppEnvironment() {
	}

	static Map<String, String> of(PlatformApp app, PlatformWiring wiring) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", String.valueOf(wiring.ports().get(app)));
		DatabaseCredentials db = wiring.databases().apply(app.database());
		env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", db.appUser());
		env.put("SPRING_DATASOURCE_PASSWORD", db.appPassword());
		env.put("SPRING_FLYWAY_URL", db.jdbcUrl());
		env.put("SPRING_FLYWAY_USER", db.ownerUser());
		env.put("SPRING_FLYWAY_PASSWORD", db.ownerPassword());
		env.put("SPRING_DATA_REDIS_URL", wiring.redisUrl());
		// locally there is no OpenTelemetry collector: pushing metrics would log a connection error every minute
		// (the Prometheus endpoint stays available)
		env.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
		if (app == PlatformApp.GATEWAY) {
			for (PlatformApp service : PlatformApp.services()) {
				env.put("GRASSROOTS_GATEWAY_SERVICES_" + service.envKey() + "_URL", wiring.url(service).toString());
			}
			env.put("GRASSROOTS_GATEWAY_OIDC_ISSUER_URI", wiring.issuer().toString());
			env.put("GRASSROOTS_GATEWAY_INTERNAL_TOKEN_SIGNING_KEYS", wiring.secrets().internalTokenKeysJson());
			env.put("GRASSROOTS_GATEWAY_API_KEYS_PEPPER", wiring.secrets().apiKeyPepper());
		}
		else {
			env.put("GRASSROOTS_SECURITY_INTERNAL_TOKEN_JWK_SET_URI",
					wiring.url(PlatformApp.GATEWAY).resolve("/internal-token/jwks.json").toString());
			// personal data (ID numbers, phones) is encrypted at rest; locally one generated key serves all services
			env.put("GRASSROOTS_PRIVACY_ENCRYPTIONKEYS_" + PlatformSecrets.PRIVACY_KEY_ID.toUpperCase(java.util.Locale.ROOT),
					wiring.secrets().privacyKey());
			env.put("GRASSROOTS_PRIVACY_ACTIVEKEY", PlatformSecrets.PRIVACY_KEY_ID);
			env.put("GRASSROOTS_PRIVACY_BLINDINDEXKEY", wiring.secrets().blindIndexKey());
			for (PlatformApp provider : PlatformApp.services()) {
				env.put("GRASSROOTS_CLIENTS_" + provider.envKey() + "_URL", wiring.url(provider).toString());
			}
		}
		return env;
	}

}
