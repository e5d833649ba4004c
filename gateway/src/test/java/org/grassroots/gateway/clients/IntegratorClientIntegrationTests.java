package org.grassroots.gateway.clients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.grassroots.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegratorClientIntegrationTests extends GatewayIntegrationTest {

	static final String TENANT_A = "310101";

	static final String TENANT_B = "310104";

	@Autowired
	ReactiveStringRedisTemplate redis;

	@BeforeAll
	void districts() {
		ensureTenant(TENANT_A, "黄浦区");
		ensureTenant(TENANT_B, "徐汇区");
	}

	@Test
	void issuedKeyIsShownOnceAndReachesServicesAsAnIntegrator() {
		Map<String, Object> issued = issueClient(TENANT_A,
				Map.of("name", "12345 热线", "scopes", List.of("cases:write", "cases:read"), "rateLimitPerMinute", 1000));
		String key = (String) issued.get("apiKey");
		assertThat(ApiKeys.isWellFormed(key)).isTrue();
		assertThat(key).startsWith((String) issued.get("keyPrefix") + "_");
		assertThat(issued).doesNotContainKey("keyHash");

		String path = "/api/v1/cases/" + System.nanoTime();
		client().post()
			.uri(path)
			.header("X-API-Key", key)
			.header("X-Internal-Caller", "forged")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "路灯不亮"))
			.exchange()
			.expectStatus()
			.isOk();
		LoggedRequest received = lastRequestTo(SERVICES, path);
		assertThat(received.getHeader("X-API-Key")).isNull();
		assertThat(received.getHeader("X-Internal-Caller")).isNull();
		assertThat(received.getBodyAsString()).contains("路灯不亮");
		JWTClaimsSet claims = verifiedInternalToken(received);
		assertThat(claims.getSubject()).isEqualTo("client:" + issued.get("id"));
		assertThat(claims.getClaim("kind")).isEqualTo("integrator");
		assertThat(claims.getClaim("tenant")).isEqualTo(TENANT_A);
		assertThat(claims.getClaim("roles")).isEqualTo(List.of("INTEGRATOR"));
		assertThat(claims.getClaim("scopes")).isEqualTo(List.of("cases:write", "cases:read"));

		// listings never show the key again
		client().get()
			.uri("/api/v1/platform/clients?limit=100")
			.headers(h -> h.setBearerAuth(adminToken(TENANT_A)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains((String) issued.get("id")).doesNotContain(key)
				.doesNotContain("apiKey").doesNotContain("keyHash"));
	}

	@Test
	void householdAndCompoundReadScopesAreAcceptedAndReachTheInternalToken() {
		// grid-service's provider endpoints check these two (GET /api/v1/households/{id}, /api/v1/compounds)
		Map<String, Object> issued = issueClient(TENANT_A, Map.of("name", "大数据中心", "scopes",
				List.of("households:read", "compounds:read", "members:read")));
		assertThat(issued.get("scopes")).isEqualTo(List.of("households:read", "compounds:read", "members:read"));
		client().get()
			.uri("/api/v1/platform/clients/" + issued.get("id"))
			.headers(h -> h.setBearerAuth(adminToken(TENANT_A)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scopes[0]").isEqualTo("households:read")
			.jsonPath("$.scopes[1]").isEqualTo("compounds:read");

		String path = "/api/v1/households/" + java.util.UUID.randomUUID();
		client().get().uri(path).header("X-API-Key", (String) issued.get("apiKey")).exchange().expectStatus().isOk();
		JWTClaimsSet claims = verifiedInternalToken(lastRequestTo(SERVICES, path));
		assertThat(claims.getClaim("roles")).isEqualTo(List.of("INTEGRATOR"));
		assertThat(claims.getClaim("scopes")).isEqualTo(List.of("households:read", "compounds:read", "members:read"));
	}

	@Test
	void wrongOrMalformedKeysAreUnauthorized() {
		for (String key : List.of("gr_abcdefgh_" + "A".repeat(43), "nonsense")) {
			client().get()
				.uri("/api/v1/cases")
				.header("X-API-Key", key)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("ApiKey"))
				.expectBody()
				.jsonPath("$.code").isEqualTo("invalid-api-key");
		}
	}

	@Test
	void open311TakesTheKeyAsParameterAndDoesNotForwardIt() {
		String key = (String) issueClient(TENANT_A, Map.of("name", "Open311 客户端")).get("apiKey");
		client().get()
			.uri("/open311/v2/requests.json?jurisdiction_id=" + TENANT_A + "&api_key=" + key + "&status=open")
			.exchange()
			.expectStatus()
			.isOk();
		LoggedRequest read = lastRequestTo(SERVICES, "/open311/v2/requests.json");
		assertThat(read.getUrl()).doesNotContain("api_key").contains("status=open");
		assertThat(verifiedInternalToken(read).getClaim("kind")).isEqualTo("integrator");

		client().post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("jurisdiction_id", TENANT_A)
				.with("api_key", key)
				.with("service_code", "001")
				.with("description", "井盖缺失"))
			.exchange()
			.expectStatus()
			.isOk();
		List<LoggedRequest> posts = SERVICES.findAll(com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/open311/v2/requests.json")));
		LoggedRequest post = posts.get(posts.size() - 1);
		assertThat(post.getBodyAsString()).doesNotContain("api_key").contains("service_code=001");
		assertThat(verifiedInternalToken(post).getClaim("kind")).isEqualTo("integrator");
	}

	@Test
	void revokedKeyIsRejectedWithinSeconds() {
		Map<String, Object> issued = issueClient(TENANT_A, Map.of("name", "待吊销"));
		String key = (String) issued.get("apiKey");
		callWith(key, 200);
		client().post()
			.uri("/api/v1/platform/clients/" + issued.get("id") + "/revoke")
			.headers(h -> h.setBearerAuth(adminToken(TENANT_A)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("REVOKED")
			.jsonPath("$.revokedAt").exists();
		Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> callWith(key, 401));
	}

	@Test
	void revocationByAnotherReplicaArrivesThroughRedis() throws SQLException {
		Map<String, Object> issued = issueClient(TENANT_A, Map.of("name", "另一副本吊销"));
		String key = (String) issued.get("apiKey");
		String id = (String) issued.get("id");
		callWith(key, 200);
		// another replica revokes: the row changes, this replica's cache still holds the client
		try (Connection app = appConnection()) {
			app.setAutoCommit(false);
			setConfig(app, "app.tenant_id", TENANT_A);
			try (PreparedStatement update = app.prepareStatement(
					"update integrator_client set status = 'REVOKED', revoked_at = now() where id = ?::uuid")) {
				update.setString(1, id);
				assertThat(update.executeUpdate()).isEqualTo(1);
			}
			app.commit();
		}
		callWith(key, 200);
		// ... and tells every replica
		redis.convertAndSend("grassroots:gateway:invalidations", "client:" + id).block(Duration.ofSeconds(5));
		Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> callWith(key, 401));
	}

	@Test
	void ipAllowListIsEnforcedAndForwardedForIsNotTrusted() {
		String elsewhere = (String) issueClient(TENANT_A, Map.of("name", "内网系统", "allowedIps", List.of("10.0.0.0/8")))
			.get("apiKey");
		client().get()
			.uri("/api/v1/cases")
			.header("X-API-Key", elsewhere)
			.header("X-Forwarded-For", "10.1.2.3")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code").isEqualTo("ip-not-allowed");

		Map<String, Object> local = issueClient(TENANT_A,
				Map.of("name", "本机", "allowedIps", List.of("127.0.0.1", "::1/128")));
		assertThat(local.get("allowedIps")).isEqualTo(List.of("127.0.0.1/32", "::1/128"));
		callWith((String) local.get("apiKey"), 200);
	}

	@Test
	void anotherDistrictsAdminSeesNothingOfIt() {
		Map<String, Object> issued = issueClient(TENANT_A, Map.of("name", "A 区的客户端"));
		String id = (String) issued.get("id");
		client().get()
			.uri("/api/v1/platform/clients/" + id)
			.headers(h -> h.setBearerAuth(adminToken(TENANT_B)))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code").isEqualTo("not-found");
		client().post()
			.uri("/api/v1/platform/clients/" + id + "/revoke")
			.headers(h -> h.setBearerAuth(adminToken(TENANT_B)))
			.exchange()
			.expectStatus()
			.isNotFound();
		client().get()
			.uri("/api/v1/platform/clients?limit=100")
			.headers(h -> h.setBearerAuth(adminToken(TENANT_B)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).doesNotContain(id));
		// still active for its own district
		client().get()
			.uri("/api/v1/platform/clients/" + id)
			.headers(h -> h.setBearerAuth(adminToken(TENANT_A)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("ACTIVE");
	}

	@Test
	void rowLevelSecurityHidesOtherDistrictsRowsFromTheApplicationRole() throws SQLException {
		issueClient(TENANT_A, Map.of("name", "RLS 证明"));
		try (Connection app = appConnection()) {
			app.setAutoCommit(false);
			assertThat(countOfTenantA(app)).as("no tenant set: fail closed").isZero();
			setConfig(app, "app.tenant_id", TENANT_B);
			assertThat(countOfTenantA(app)).as("tenant B set").isZero();
			app.rollback();
			setConfig(app, "app.cross_tenant", "something-else");
			assertThat(countOfTenantA(app)).as("an unnamed cross-tenant purpose").isZero();
			app.rollback();
			setConfig(app, "app.tenant_id", TENANT_A);
			assertThat(countOfTenantA(app)).as("tenant A set").isPositive();
			app.rollback();
			// writing a row for another tenant is refused by the policy's check
			setConfig(app, "app.tenant_id", TENANT_B);
			try (PreparedStatement insert = app.prepareStatement("""
					insert into integrator_client (tenant_id, name, key_prefix, key_hash, rate_limit_per_minute)
					values (?, 'x', 'gr_x', 'h-' || gen_random_uuid(), 1)""")) {
				insert.setString(1, TENANT_A);
				org.assertj.core.api.Assertions.assertThatThrownBy(insert::executeUpdate)
					.hasMessageContaining("row-level security");
			}
			app.rollback();
		}
	}

	@Test
	void adminApiValidatesInputAndRoles() {
		client().post()
			.uri("/api/v1/platform/clients")
			.headers(h -> h.setBearerAuth(adminToken(TENANT_A)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"broken\", ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("malformed-body");

		client().post()
			.uri("/api/v1/platform/clients")
			.headers(h -> {
				h.setBearerAuth(adminToken(TENANT_A));
				h.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", " ", "rateLimitPerMinute", 0, "scopes", List.of("Cases Write"), "allowedIps",
					List.of("example.com")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code").isEqualTo("validation")
			.jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo(List.of("must not be blank"))
			.jsonPath("$.errors[?(@.field == 'rateLimitPerMinute')].message").isEqualTo(List.of("must be at least 1"));

		client().post()
			.uri("/api/v1/platform/clients")
			.headers(h -> h.setBearerAuth(adminToken(TENANT_A)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "ok", "scopes", List.of("Cases Write"), "allowedIps", List.of("example.com")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("scopes[0]")
			.jsonPath("$.errors[1].field").isEqualTo("allowedIps[0]")
			.jsonPath("$.errors[1].message").isEqualTo("不是有效的 IP 地址或 CIDR 网段");

		// a platform operator has no district; a resident is no admin; an integrator never administers
		for (String token : List.of(operatorToken(), personToken("r1", TENANT_A, TENANT_A, "RESIDENT"))) {
			client().get()
				.uri("/api/v1/platform/clients")
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.code").isEqualTo("forbidden");
		}
		String key = (String) issueClient(TENANT_A, Map.of("name", "不许管理")).get("apiKey");
		client().get()
			.uri("/api/v1/platform/clients")
			.header("X-API-Key", key)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private void callWith(String key, int expectedStatus) {
		client().get()
			.uri("/api/v1/cases/statistics-" + System.nanoTime())
			.header("X-API-Key", key)
			.exchange()
			.expectStatus()
			.isEqualTo(expectedStatus);
	}

	private static long countOfTenantA(Connection app) throws SQLException {
		try (PreparedStatement query = app.prepareStatement("select count(*) from integrator_client where tenant_id = ?")) {
			query.setString(1, TENANT_A);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static void setConfig(Connection app, String name, String value) throws SQLException {
		try (PreparedStatement set = app.prepareStatement("select set_config(?, ?, true)")) {
			set.setString(1, name);
			set.setString(2, value);
			set.execute();
		}
	}

}
