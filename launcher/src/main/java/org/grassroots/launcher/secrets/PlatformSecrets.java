package org.grassroots.launcher.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The local platform's secrets, generated on first start and kept in {@code secrets/} of the data directory so a
 * restart keeps tokens and API keys valid: the issuer's signing key, the gateway's internal-token signing keys
 * (a private JWK set; the first key signs), the API-key pepper, and the services' personal-data keys (an AES key
 * and a blind-index key, shared by the local services).
 */
public record PlatformSecrets(RSAKey issuerKey, JWKSet internalTokenKeys, String apiKeyPepper, String privacyKey,
		String blindIndexKey) {

	/** The key id of the local personal-data key (lower case: environment variables bind map keys lower case). */
	public static final String PRIVACY_KEY_ID = "local1";

	private static final String ISSUER_KEY = "issuer-signing-key.json";

	private static final String INTERNAL_TOKEN_KEYS = "internal-token-signing-keys.json";

	private static final String PEPPER = "api-key-pepper";

	private static final String PRIVACY_KEY = "privacy-key";

	private static final String BLIND_INDEX_KEY = "privacy-blind-index-key";

	public static PlatformSecrets loadOrCreate(Path directory) {
		try {
			Files.createDirectories(directory);
			RSAKey issuerKey = RSAKey.parse(readOrCreate(directory.resolve(ISSUER_KEY),
					() -> rsaKey("local-issuer-").toJSONString()));
			JWKSet internalKeys = JWKSet.parse(readOrCreate(directory.resolve(INTERNAL_TOKEN_KEYS),
					() -> new JWKSet(rsaKey("local-internal-")).toString(false)));
			String pepper = readOrCreate(directory.resolve(PEPPER), PlatformSecrets::randomPepper).strip();
			String privacy = readOrCreate(directory.resolve(PRIVACY_KEY), PlatformSecrets::randomAesKey).strip();
			String blind = readOrCreate(directory.resolve(BLIND_INDEX_KEY), PlatformSecrets::randomAesKey).strip();
			return new PlatformSecrets(issuerKey, internalKeys, pepper, privacy, blind);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write secrets in " + directory, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Unreadable secret in " + directory + "; delete the directory to "
					+ "regenerate it", ex);
		}
	}

	/** The gateway's signing keys as it takes them: a JWK set JSON including the private parts. */
	public String internalTokenKeysJson() {
		return internalTokenKeys.toString(false);
	}

	private static String readOrCreate(Path file, Supplier<String> generator) throws IOException {
		if (Files.isRegularFile(file)) {
			return Files.readString(file);
		}
		String value = generator.get();
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(temporary, value);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		// written whole or not at all: a half-written key would break every later start
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		return value;
	}

	private static RSAKey rsaKey(String kidPrefix) {
		String kid = kidPrefix + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomAesKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static String randomPepper() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
