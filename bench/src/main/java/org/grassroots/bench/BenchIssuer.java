package org.grassroots.bench;

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
 * An OIDC issuer for the benchmarks on loopback: discovery, its JWK set, and people's tokens it signs. The gateway
 * under test discovers it like a real issuer, so benchmarks take the production token path.
 */
public final class BenchIssuer implements AutoCloseable {

	private final HttpServer server;

	private final RSAKey key;

	private final String url;

	private BenchIssuer(HttpServer server, RSAKey key) {
		this.server = server;
		this.key = key;
		this.url = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public static BenchIssuer start() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("bench-issuer").generate();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		BenchIssuer issuer = new BenchIssuer(server, key);
		server.createContext("/.well-known/openid-configuration", exchange -> json(exchange,
				"{\"issuer\":\"" + issuer.url + "\",\"jwks_uri\":\"" + issuer.url + "/jwks\"}"));
		server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
		server.start();
		return issuer;
	}

	private static void json(HttpExchange exchange, String body) throws java.io.IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	public String url() {
		return url;
	}

	/** A person's token; {@code region} defaults to the whole district, {@code tenant} null for a platform operator. */
	public String token(String tenant, String subject, String region, String... roles) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(url)
			.subject(subject)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2))))
			.claim("roles", List.of(roles));
		if (tenant != null) {
			claims.claim("tenant", tenant).claim("region", region == null ? tenant : region);
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
