package org.grassroots.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.grassroots.gateway.GatewayIntegrationTest;
import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationIntegrationTests extends GatewayIntegrationTest {

	static final String TENANT = "110101";

	static final String SUSPENDED = "110102";

	@BeforeAll
	void districts() {
		ensureTenant(TENANT, "东城区");
		ensureTenant(SUSPENDED, "西城区");
		Map<?, ?> current = client().get()
			.uri("/api/v1/platform/tenants/" + SUSPENDED)
			.headers(h -> h.setBearerAuth(operatorToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		if (!"SUSPENDED".equals(current.get("status"))) {
			client().patch()
				.uri("/api/v1/platform/tenants/" + SUSPENDED)
				.headers(h -> {
					h.setBearerAuth(operatorToken());
					h.setIfMatch("\"" + current.get("version") + "\"");
				})
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("status", "SUSPENDED"))
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void withoutCredentialsIsUnauthorizedProblemWithChallenge() {
		client().get()
			.uri("/api/v1/centers")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer realm=\"grassroots\""))
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:problem:grassroots:token-missing")
			.jsonPath("$.code").isEqualTo("token-missing")
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.title").isEqualTo("未认证")
			.jsonPath("$.instance").isEqualTo("/api/v1/centers")
			.jsonPath("$.traceId").value(traceId -> assertThat((String) traceId).matches("[0-9a-f]{32}"));
	}

	@Test
	void detailIsEnglishWhenTheCallerPrefersEnglish() {
		client().get()
			.uri("/api/v1/cases")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9,zh;q=0.5")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody()
			.jsonPath("$.title").isEqualTo("Unauthorized")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Valid credentials"));
	}

	@Test
	void expiredMalformedForeignAndWrongIssuerTokensAreUnauthorized() {
		String expired = personToken(PERSON_KEY, issuer(), "u1", TENANT, TENANT, Instant.now().minus(Duration.ofHours(1)),
				Duration.ofMinutes(5), "RESIDENT");
		String foreign = personToken(FOREIGN_KEY, issuer(), "u1", TENANT, TENANT, Instant.now(), Duration.ofMinutes(5),
				"RESIDENT");
		String otherIssuer = personToken(PERSON_KEY, "https://evil.example/realms/test", "u1", TENANT, TENANT,
				Instant.now(), Duration.ofMinutes(5), "RESIDENT");
		for (String token : List.of(expired, "not-a-jwt", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", foreign, otherIssuer)) {
			client().get()
				.uri("/api/v1/centers")
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("error=\"invalid_token\""))
				.expectBody()
				.jsonPath("$.code").isEqualTo("token-invalid");
		}
	}

	@Test
	void aVerifiedTokenIsKeptUntilItExpiresAndAForgedOneNeverIs() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return now.get();
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}
		};
		PersonTokenVerifier verifier = new PersonTokenVerifier(new OidcProperties(issuer(), null, "tenant", "roles",
				"region", List.of(), Duration.ofSeconds(30), List.of("RS256"), Duration.ofSeconds(5)), clock);
		String token = personToken(PERSON_KEY, issuer(), "u1", TENANT, TENANT, now.get(), Duration.ofMinutes(5),
				"RESIDENT");

		Map<String, Object> first = verifier.verify(token).block();
		assertThat(first).containsEntry("sub", "u1");
		// the second request with the same token is answered from the kept claims, not verified again
		assertThat(verifier.verify(token).block()).isSameAs(first);

		// past exp + skew the kept claims are refused, although the decoder's own clock would still accept it
		now.set(now.get().plus(Duration.ofMinutes(5)).plusSeconds(31));
		assertThatThrownBy(() -> verifier.verify(token).block()).isInstanceOfSatisfying(ProblemException.class,
				ex -> assertThat(ex.type()).isEqualTo(ProblemType.INVALID_TOKEN));

		String forged = personToken(FOREIGN_KEY, issuer(), "u1", TENANT, TENANT, Instant.now(), Duration.ofMinutes(5),
				"RESIDENT");
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> verifier.verify(forged).block()).isInstanceOf(ProblemException.class);
		}
	}

	@Test
	void personReachesTheServiceWithAnInternalTokenAndWithoutForgedHeaders() {
		String path = "/api/v1/centers/near-" + System.nanoTime();
		client().get()
			.uri(path + "?lat=22.5")
			.headers(h -> {
				h.setBearerAuth(personToken("user-42", TENANT, TENANT + "/001/002", "community_staff", "GRID_WORKER"));
				h.set("X-Tenant-Id", "999999");
				h.set("X-Internal-User", "root");
				h.set("X-Grassroots-Roles", "PLATFORM_OPERATOR");
				h.set("x-tenant-region", "999999");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("RateLimit-Remaining");

		LoggedRequest received = lastRequestTo(SERVICES, path);
		assertThat(received.queryParameter("lat").firstValue()).isEqualTo("22.5");
		assertThat(received.getAllHeaderKeys()).noneMatch(name -> name.toLowerCase().startsWith("x-tenant-")
				|| name.toLowerCase().startsWith("x-internal-") || name.toLowerCase().startsWith("x-grassroots-"));
		JWTClaimsSet claims = verifiedInternalToken(received);
		assertThat(claims.getIssuer()).isEqualTo("grassroots-gateway");
		assertThat(claims.getAudience()).containsExactly("grassroots-services");
		assertThat(claims.getSubject()).isEqualTo("user-42");
		assertThat(claims.getClaim("tenant")).isEqualTo(TENANT);
		assertThat(claims.getClaim("roles")).isEqualTo(List.of("COMMUNITY_STAFF", "GRID_WORKER"));
		assertThat(claims.getClaim("region")).isEqualTo(TENANT + "/001/002");
		assertThat(claims.getClaim("kind")).isEqualTo("person");
		assertThat(claims.getClaim("scopes")).isEqualTo(List.of());
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(60_000);
	}

	@Test
	void platformOperatorWithoutTenantGetsATokenWithoutTenant() {
		String path = "/api/v1/grids/" + System.nanoTime();
		client().get().uri(path).headers(h -> h.setBearerAuth(operatorToken())).exchange().expectStatus().isOk();
		JWTClaimsSet claims = verifiedInternalToken(lastRequestTo(SERVICES, path));
		assertThat(claims.getClaim("tenant")).isNull();
		assertThat(claims.getClaim("roles")).isEqualTo(List.of("PLATFORM_OPERATOR"));
	}

	@Test
	void personOfUnknownOrSuspendedDistrictIsRefused() {
		for (String tenant : List.of("990001", SUSPENDED)) {
			client().get()
				.uri("/api/v1/centers")
				.headers(h -> h.setBearerAuth(personToken("u2", tenant, tenant, "RESIDENT")))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.code").isEqualTo("tenant-unavailable");
		}
	}

	@Test
	void personTokenWithoutTenantOrWithForeignRegionIsInvalid() {
		for (String token : List.of(personToken("u3", null, null, "RESIDENT"),
				personToken("u3", TENANT, "110102/001", "RESIDENT"))) {
			client().get()
				.uri("/api/v1/centers")
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code").isEqualTo("token-invalid");
		}
	}

	@Test
	void anonymousReadsOfPublicPathsCarryAnAnonymousToken() {
		String path = "/api/v1/public/" + TENANT + "/centers/" + System.nanoTime();
		client().get().uri(path).exchange().expectStatus().isOk();
		JWTClaimsSet claims = verifiedInternalToken(lastRequestTo(SERVICES, path));
		assertThat(claims.getSubject()).isEqualTo("anonymous");
		assertThat(claims.getClaim("kind")).isEqualTo("anonymous");
		assertThat(claims.getClaim("tenant")).isEqualTo(TENANT);
		assertThat(claims.getClaim("roles")).isEqualTo(List.of("PUBLIC"));

		String open311 = "/open311/v2/services.json";
		client().get().uri(open311 + "?jurisdiction_id=" + TENANT).exchange().expectStatus().isOk();
		assertThat(verifiedInternalToken(lastRequestTo(SERVICES, open311)).getClaim("kind")).isEqualTo("anonymous");
	}

	@Test
	void anonymousAccessNeedsAnActiveDistrictAndAReadOfAPublicPath() {
		for (String tenant : List.of("990002", SUSPENDED, "abc")) {
			client().get()
				.uri("/api/v1/public/" + tenant + "/centers")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code").isEqualTo("tenant-not-found");
		}
		client().post()
			.uri("/api/v1/public/" + TENANT + "/wishes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		// Open311 reads without a key must name the district: the spec's 400 in the spec's format
		client().get()
			.uri("/open311/v2/services.json")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$[0].code").isEqualTo(400)
			.jsonPath("$[0].description").value(d -> assertThat((String) d).contains("jurisdiction_id"));
	}

	@Test
	void bothCredentialsAtOnceAreABadRequest() {
		client().get()
			.uri("/api/v1/centers")
			.headers(h -> {
				h.setBearerAuth(personToken("u4", TENANT, TENANT, "RESIDENT"));
				h.set("X-API-Key", "gr_abcdefgh_" + "A".repeat(43));
			})
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void internalTokenKeysArePublicAndHoldNoPrivateParts() {
		WebTestClient.BodyContentSpec body = client().get()
			.uri("/internal-token/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		body.jsonPath("$.keys.length()").isEqualTo(2)
			.jsonPath("$.keys[0].kid").isEqualTo("gateway-test-1")
			.jsonPath("$.keys[1].kid").isEqualTo("gateway-test-0")
			.jsonPath("$.keys[0].d").doesNotExist()
			.jsonPath("$.keys[0].p").doesNotExist();
	}

}
