package org.grassroots.bench.grid;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The people's identity provider for the bench: OIDC discovery, a JWK set and tokens it signs itself. Only the
 * set-up calls (create the district, issue the integrator client) use it; the load itself authenticates by API key.
 */
final class LocalIssuer implements AutoCloseable {

	private final HttpServer server;

	private final RSAKey key;

	private final String url;

	private LocalIssuer(HttpServer server, RSAKey key) {
		this.server = server;
		this.key = key;
		this.url = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	static LocalIssuer start() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("bench-grid-issuer").generate();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		LocalIssuer issuer = new LocalIssuer(server, key);
		server.createContext("/.well-known/openid-configuration", exchange -> issuer.answer(exchange,
				"{\"issuer\":\"" + issuer.url + "\",\"jwks_uri\":\"" + issuer.url + "/jwks\"}"));
		server.createContext("/jwks", exchange -> issuer.answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
		server.start();
		return issuer;
	}

	private void answer(HttpExchange exchange, String json) throws java.io.IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	String url() {
		return url;
	}

	/** A person's token; {@code tenant} null for the platform operator. */
	String token(String tenant, String subject, String... roles) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(url)
			.subject(subject)
			.audience("grassroots")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
			.claim("roles", List.of(roles));
		if (tenant != null) {
			claims.claim("tenant", tenant).claim("region", tenant);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
