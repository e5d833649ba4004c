package org.grassroots.launcher.apps;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

import org.grassroots.launcher.secrets.PlatformSecrets;
import org.grassroots.testsupport.DatabaseCredentials;

/**
 * Everything the apps are configured from: where each app listens, its database, Redis, the issuer and the
 * secrets.
 */
public record PlatformWiring(Map<PlatformApp, Integer> ports, Function<String, DatabaseCredentials> databases,
		String redisUrl, URI issuer, PlatformSecrets secrets) {

	public URI url(PlatformApp app) {
		return URI.create("http://localhost:" + ports.get(app));
	}

}
