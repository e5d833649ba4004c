package org.grassroots.launcher.credentials;

import java.nio.file.Path;
import java.util.Optional;

import org.grassroots.launcher.demo.DemoTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCredentialsTest {

	@TempDir
	Path directory;

	@Test
	void theFileHasTheAgreedShape() {
		LocalCredentials credentials = LocalCredentials.forDemo("http://localhost:8080", "http://localhost:9000",
				Optional.empty()).withApiKey("441702", "key-a");

		String json = CredentialsFile.toJson(credentials);

		assertThat(json.replaceAll("\\s", "")).startsWith(
				"{\"gateway\":\"http://localhost:8080\",\"issuer\":\"http://localhost:9000\",\"tenants\":[{\"code\":\"441702\","
						+ "\"name\":\"阳江市江城区\",\"apiKey\":\"key-a\",\"clients\":[{\"clientId\":\"441702-tenant-admin\","
						+ "\"clientSecret\":");
		assertThat(credentials.tenants()).allSatisfy(t -> assertThat(t.clients()).hasSize(DemoTenants.ROLES.size()));
		assertThat(credentials.operator().roles()).containsExactly("PLATFORM_OPERATOR");
	}

	@Test
	void secretsAndKeysSurviveARestartWhileUrlsFollowTheNewPorts() {
		LocalCredentials first = LocalCredentials.forDemo("http://localhost:8080", "http://localhost:9000",
				Optional.empty()).withApiKey("340202", "key-b");
		Path file = directory.resolve("local-credentials.json");
		CredentialsFile.write(file, first);

		LocalCredentials second = LocalCredentials.forDemo("http://localhost:18080", "http://localhost:19000",
				CredentialsFile.read(file));

		assertThat(second.gateway()).isEqualTo("http://localhost:18080");
		assertThat(second.secretsByClientId()).isEqualTo(first.secretsByClientId());
		assertThat(second.tenant("340202").apiKey()).isEqualTo("key-b");
		assertThat(second.tenant("441702").apiKey()).isNull();
	}

	@Test
	void anUnreadableFileMeansNewSecrets() throws Exception {
		Path file = directory.resolve("local-credentials.json");
		java.nio.file.Files.writeString(file, "{ half");
		assertThat(CredentialsFile.read(file)).isEmpty();
	}

}
