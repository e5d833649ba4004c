package org.grassroots.launcher.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.grassroots.launcher.LocalPlatform;
import org.grassroots.launcher.demo.DemoTenants;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.VOLUNTEERS;

/** The demo a developer gets: credentials file, working clients for every role, seeded records. */
@Order(0)
@ExtendWith(PlatformExtension.class)
class SeedingIT {

	private final LocalPlatform platform;

	private final Gateway gateway;

	SeedingIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void theCredentialsFileNamesTheGatewayIssuerTenantsAndAClientPerRole() throws Exception {
		Path file = platform.dataDirectory().resolve("local-credentials.json");
		JsonNode json = Gateway.JSON.readTree(Files.readString(file));

		assertThat(json.path("gateway").asString()).isEqualTo(platform.gatewayUrl().toString());
		assertThat(json.path("issuer").asString()).isEqualTo(platform.issuerUrl().toString());
		assertThat(json.path("tenants")).hasSize(2);
		for (JsonNode tenant : json.path("tenants")) {
			assertThat(tenant.path("code").asString()).matches("\\d{6}");
			assertThat(tenant.path("name").asString()).isNotBlank();
			assertThat(tenant.path("apiKey").asString()).isNotBlank();
			assertThat(tenant.path("clients")).hasSize(DemoTenants.ROLES.size());
			for (JsonNode client : tenant.path("clients")) {
				assertThat(client.path("clientId").asString()).isNotBlank();
				assertThat(client.path("clientSecret").asString()).isNotBlank();
				assertThat(client.path("roles").isArray()).isTrue();
			}
		}
	}

	@Test
	void everyDemoTenantExistsAtTheGatewayAndHasItsDemoVolunteers() {
		String operator = platform.operatorToken();
		for (var tenant : DemoTenants.all()) {
			Gateway.Reply reply = gateway.get("/api/v1/platform/tenants/" + tenant.code()).bearer(operator).send();
			assertThat(reply.status()).as("%s", reply).isEqualTo(200);
			assertThat(reply.json().path("name").asString()).isEqualTo(tenant.name());

			Gateway.Reply volunteers = gateway.get(VOLUNTEERS + "?limit=100")
				.bearer(platform.tokenFor(tenant.code(), "TENANT_ADMIN"))
				.send();
			assertThat(volunteers.status()).isEqualTo(200);
			assertThat(volunteers.ids()).hasSizeGreaterThanOrEqualTo(3);
		}
	}

}
