package org.grassroots.volunteer.volunteers;

import java.time.Duration;

import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.volunteer.VolunteerServiceTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the gateway's internal token gets in; headers that claim a tenant are ignored. */
class AuthenticationTest extends VolunteerServiceTestBase {

	@Test
	void rejectsMissingExpiredMalformedForeignAndMisaddressedTokens() {
		assertUnauthorized(http.get("/api/v1/volunteers").send(), "token-missing");
		assertUnauthorized(http.get("/api/v1/volunteers").bearer("not.a.jwt").send(), "token-invalid");
		String expired = TestTokens.builder("441702", "u").roles("TENANT_ADMIN").issuedAgo(Duration.ofMinutes(10))
			.ttl(Duration.ofMinutes(1)).mint();
		assertUnauthorized(http.get("/api/v1/volunteers").bearer(expired).send(), "token-expired");
		String foreign = TestTokens.builder("441702", "u").roles("TENANT_ADMIN").foreignSigned().mint();
		assertUnauthorized(http.get("/api/v1/volunteers").bearer(foreign).send(), "token-invalid");
		String wrongAudience = TestTokens.builder("441702", "u").roles("TENANT_ADMIN").audience("someone-else").mint();
		assertUnauthorized(http.get("/api/v1/volunteers").bearer(wrongAudience).send(), "token-invalid");
		String wrongIssuer = TestTokens.builder("441702", "u").roles("TENANT_ADMIN").issuer("evil").mint();
		assertUnauthorized(http.get("/api/v1/volunteers").bearer(wrongIssuer).send(), "token-invalid");
	}

	@Test
	void forgedTenantHeadersHaveNoEffect() {
		String a = TestTokens.person("441702", "admin-a", "441702", "TENANT_ADMIN");
		String id = http.post("/api/v1/volunteers").bearer(a).json("{\"name\":\"孙丽\",\"region\":\"441702\"}").send()
			.json("$.id");
		String b = TestTokens.person("340202", "admin-b", "340202", "TENANT_ADMIN");
		Response forged = http.get("/api/v1/volunteers/" + id)
			.bearer(b)
			.header("X-Tenant-Id", "441702")
			.header("X-Grassroots-Tenant", "441702")
			.send();
		assertThat(forged.status()).isEqualTo(404);
	}

	@Test
	void healthAndApiDocsNeedNoToken() {
		assertThat(http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
		assertThat(http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
		Response docs = http.get("/v3/api-docs").send();
		assertThat(docs.status()).isEqualTo(200);
		assertThat((String) docs.json("$.openapi")).startsWith("3.1");
		assertThat(docs.body()).contains("/api/v1/volunteers");
		Response metrics = http.get("/actuator/prometheus").send();
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("application=\"volunteer-service\"");
	}

	private static void assertUnauthorized(Response response, String code) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat((String) response.json("$.code")).isEqualTo(code);
	}
}
