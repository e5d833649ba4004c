package org.grassroots.gateway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.RedisServerHandle;
import org.grassroots.testsupport.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gateway for all integration test classes (one Spring context: keep the configuration here and add no
 * per-class properties or mocks): real PostgreSQL and Redis from test-support, WireMock as the domain services
 * (project-service on a server of its own, for failure tests) and as the OIDC issuer whose keys sign person tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

	protected static final String PEPPER = "test-pepper-0123456789-abcdefghijklmnop";

	protected static final WireMockServer SERVICES = new WireMockServer(options().dynamicPort());

	/** On a fixed port: failure tests stop and restart it. */
	protected static final WireMockServer PROJECT = new WireMockServer(options().port(RedisServerHandle.freePort()));

	protected static final WireMockServer ISSUER = new WireMockServer(options().dynamicPort());

	protected static final RSAKey PERSON_KEY = rsa("person-key");

	/** Same key id as the issuer's key, different key: a forged signature. */
	protected static final RSAKey FOREIGN_KEY = rsa("person-key");

	protected static final RSAKey INTERNAL_KEY = rsa("gateway-test-1");

	protected static final RSAKey INTERNAL_KEY_OLD = rsa("gateway-test-0");

	static {
		SERVICES.start();
		PROJECT.start();
		ISSUER.start();
		for (WireMockServer service : List.of(SERVICES, PROJECT)) {
			service.stubFor(any(anyUrl()).atPriority(10)
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"ok\":true}")));
		}
		ISSUER.stubFor(get(urlPathEqualTo("/realms/test/.well-known/openid-configuration"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer()
						+ "/protocol/openid-connect/certs\"}")));
		ISSUER.stubFor(get(urlPathEqualTo("/realms/test/protocol/openid-connect/certs"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(new JWKSet(PERSON_KEY.toPublicJWK()).toString())));
	}

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway");
		for (String service : List.of("center", "member", "volunteer", "grid")) {
			registry.add("grassroots.gateway.services." + service + ".url", () -> SERVICES.baseUrl());
		}
		registry.add("grassroots.gateway.services.project.url", () -> PROJECT.baseUrl());
		registry.add("grassroots.gateway.oidc.issuer-uri", GatewayIntegrationTest::issuer);
		// first key signs; the second stays published, as during a rotation
		registry.add("grassroots.gateway.internal-token.signing-keys",
				() -> new JWKSet(List.of(INTERNAL_KEY, INTERNAL_KEY_OLD)).toString(false));
		registry.add("grassroots.gateway.api-keys.pepper", () -> PEPPER);
		registry.add("grassroots.gateway.max-body-size", () -> "64KB");
		registry.add("grassroots.gateway.cors.allowed-origins[0]", () -> "https://app.grassroots.example");
		registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1500ms");
		registry.add("grassroots.gateway.circuit-breaker.sliding-window-size", () -> "4");
		registry.add("grassroots.gateway.circuit-breaker.minimum-number-of-calls", () -> "4");
		registry.add("grassroots.gateway.circuit-breaker.wait-in-open-state", () -> "1s");
		registry.add("grassroots.gateway.audit.flush-interval", () -> "200ms");
		registry.add("grassroots.gateway.rate-limits.redis-retry-interval", () -> "300ms");
	}

	protected static String issuer() {
		return ISSUER.baseUrl() + "/realms/test";
	}

	protected WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	// ---- person tokens -------------------------------------------------------------------------------------

	protected static String personToken(String subject, String tenant, String region, String... roles) {
		return personToken(PERSON_KEY, issuer(), subject, tenant, region, Instant.now(), Duration.ofMinutes(5), roles);
	}

	protected static String personToken(RSAKey key, String issuer, String subject, String tenant, String region,
			Instant issuedAt, Duration ttl, String... roles) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(ttl)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of(roles));
		if (tenant != null) {
			claims.claim("tenant", tenant);
		}
		if (region != null) {
			claims.claim("region", region);
		}
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String operatorToken() {
		return personToken("operator-1", null, null, "PLATFORM_OPERATOR");
	}

	protected static String adminToken(String tenant) {
		return personToken("admin-" + tenant, tenant, tenant, "TENANT_ADMIN");
	}

	// ---- platform records through the admin API ------------------------------------------------------------

	/** Creates the district if it does not exist yet (classes share the database). */
	protected void ensureTenant(String code, String name) {
		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", code, "name", name))
			.exchange()
			.expectStatus()
			.value(status -> assertThat(status).isIn(201, 409));
	}

	/** Issues an integrator client for {@code tenant}; returns the response body (with {@code apiKey}). */
	@SuppressWarnings("unchecked")
	protected Map<String, Object> issueClient(String tenant, Map<String, Object> body) {
		return client().post()
			.uri("/api/v1/platform/clients")
			.headers(h -> h.setBearerAuth(adminToken(tenant)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CREATED)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	// ---- what the services received ------------------------------------------------------------------------

	protected static LoggedRequest lastRequestTo(WireMockServer server, String path) {
		List<LoggedRequest> requests = server.findAll(
				com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).as("requests to %s", path).isNotEmpty();
		return requests.get(requests.size() - 1);
	}

	/** Verifies the internal token with the gateway's published key set and returns its claims. */
	protected JWTClaimsSet verifiedInternalToken(LoggedRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		assertThat(authorization).startsWith("Bearer ");
		byte[] jwks = client().get()
			.uri("/internal-token/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		try {
			JWKSet published = JWKSet.parse(new String(jwks, StandardCharsets.UTF_8));
			SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
			RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
			assertThat(key).as("published key %s", jwt.getHeader().getKeyID()).isNotNull();
			assertThat(key.isPrivate()).isFalse();
			assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException | JOSEException ex) {
			throw new AssertionError("Unreadable internal token", ex);
		}
	}

	// ---- the database as the application role -------------------------------------------------------------

	protected static Connection appConnection() throws SQLException {
		DatabaseCredentials db = TestInfrastructure.database("gateway");
		return DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
	}

	private static RSAKey rsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
