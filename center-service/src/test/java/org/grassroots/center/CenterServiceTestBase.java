package org.grassroots.center;

import java.time.Duration;

import org.grassroots.testsupport.TestHttp;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** One Spring context for every integration test of the service, on real PostgreSQL and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CenterTestInfrastructure.class)
public abstract class CenterServiceTestBase {

	public static final String TENANT = "441702";

	public static final String OTHER_TENANT = "340202";

	public static final String ADMIN = person(TENANT, "admin-1", TENANT, "TENANT_ADMIN");

	public static final String STREET = person(TENANT, "street-01", TENANT + "/01", "STREET_STAFF");

	public static final String COMMUNITY = person(TENANT, "community-01-003", TENANT + "/01/003", "COMMUNITY_STAFF");

	public static final String OTHER_ADMIN = person(OTHER_TENANT, "admin-b", OTHER_TENANT, "TENANT_ADMIN");

	/**
	 * A person's internal token valid for two hours: the tokens are minted when the class loads, and on a busy
	 * machine the shared context may take longer to start than the gateway's one-minute lifetime.
	 */
	public static String person(String tenant, String subject, String region, String... roles) {
		return TestTokens.builder(tenant, subject).region(region).roles(roles).ttl(Duration.ofHours(2)).mint();
	}

	@LocalServerPort
	private int port;

	protected TestHttp http;

	@BeforeEach
	void client() {
		http = new TestHttp("http://localhost:" + port);
	}

	protected static String resident(String subject) {
		return person(TENANT, subject, TENANT, "RESIDENT");
	}

	protected static String publicToken(String tenant) {
		return TestTokens.builder(tenant, "anonymous").kind("anonymous").roles("PUBLIC").region(null)
			.ttl(Duration.ofHours(2)).mint();
	}

	protected int port() {
		return port;
	}
}
