package org.grassroots.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wires a Spring Boot service under test to the shared PostgreSQL and Redis of this JVM: call
 * {@link #register(DynamicPropertyRegistry, String)} from a {@code @DynamicPropertySource} method. Each database
 * name is created once per JVM, fresh, so test classes that share a Spring context share its data.
 */
public final class TestInfrastructure {

	private static final Map<String, DatabaseCredentials> DATABASES = new ConcurrentHashMap<>();

	/** Personal-data keys for this test JVM: random, so no test can depend on a fixed ciphertext. */
	public static final String PRIVACY_KEY = randomKey();

	public static final String BLIND_INDEX_KEY = randomKey();

	private static String randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return java.util.Base64.getEncoder().encodeToString(key);
	}

	private TestInfrastructure() {
	}

	public static DatabaseCredentials database(String name) {
		return DATABASES.computeIfAbsent(name, n -> PostgresServer.shared().createDatabase(n, true));
	}

	public static RedisServerHandle redis() {
		return RedisServerHandle.shared();
	}

	/**
	 * Registers the datasource (application role), Flyway (owner role), Redis and the trusted internal-token
	 * keys for a service.
	 */
	public static void register(DynamicPropertyRegistry registry, String databaseName) {
		DatabaseCredentials db = database(databaseName);
		registry.add("spring.datasource.url", db::jdbcUrl);
		registry.add("spring.datasource.username", db::appUser);
		registry.add("spring.datasource.password", db::appPassword);
		registry.add("spring.flyway.url", db::jdbcUrl);
		registry.add("spring.flyway.user", db::ownerUser);
		registry.add("spring.flyway.password", db::ownerPassword);
		registry.add("spring.data.redis.url", () -> redis().url());
		registry.add("grassroots.security.internal-token.jwk-set", TestTokens::jwkSetJson);
		registry.add("grassroots.privacy.encryption-keys.test-1", () -> PRIVACY_KEY);
		registry.add("grassroots.privacy.active-key", () -> "test-1");
		registry.add("grassroots.privacy.blind-index-key", () -> BLIND_INDEX_KEY);
	}
}
