package org.grassroots.k8s;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the secret values that {@code k8s/secrets/kustomization.yaml} turns into Secrets, into a git-ignored
 * directory. Needs only a JDK (17+), no build:
 *
 * <pre>
 * java k8s/src/main/java/org/grassroots/k8s/GenerateSecrets.java init k8s/secrets/values
 * java k8s/src/main/java/org/grassroots/k8s/GenerateSecrets.java add-signing-key k8s/secrets/values
 * java k8s/src/main/java/org/grassroots/k8s/GenerateSecrets.java promote-signing-key k8s/secrets/values
 * java k8s/src/main/java/org/grassroots/k8s/GenerateSecrets.java retire-signing-keys k8s/secrets/values
 * java k8s/src/main/java/org/grassroots/k8s/GenerateSecrets.java rotate-pepper k8s/secrets/values
 * java k8s/src/main/java/org/grassroots/k8s/GenerateSecrets.java retire-peppers k8s/secrets/values
 * java k8s/src/main/java/org/grassroots/k8s/GenerateSecrets.java rotate-privacy-keys k8s/secrets/values
 * </pre>
 *
 * {@code init} creates what is missing and never overwrites: random database, Redis and superuser passwords,
 * the API-key pepper, and the gateway's internal-token signing key set (one RS256 key). The gateway signs with
 * the first key and publishes all; services accept every published key. Rotation is three rollouts of the
 * gateway: {@code add-signing-key} appends a new key (published, not yet signing), {@code promote-signing-key}
 * moves the last key first (now signing, while every gateway pod, old or new, publishes it), and
 * {@code retire-signing-keys} keeps only the first once tokens signed with the old key have expired. {@code rotate-pepper} writes a new API-key pepper
 * and moves the current one to {@code api-keys-previous-peppers} (the gateway still verifies keys hashed with it
 * and re-hashes them on first use); {@code retire-peppers} empties that file. Each service's personal-data keys
 * ({@code <db>-privacy.env}: AES-256 keys by key id, the active id, the blind-index HMAC key) get a new active
 * AES key with {@code rotate-privacy-keys}; old ids stay so that what they encrypted can still be read. See docs/operations.md for the
 * order of the steps.
 */
public final class GenerateSecrets {

	/** Service databases; each has an owner (Flyway) and an app role. */
	public static final List<String> DATABASES = List.of("gateway", "center", "member", "volunteer", "project",
			"grid");

	/** Services that store personal data, each with its own encryption and blind-index keys. */
	public static final List<String> PRIVACY_SERVICES = List.of("center", "member", "volunteer", "project", "grid");

	public static final String SIGNING_KEYS = "internal-token-signing-keys.json";

	public static final String PEPPER = "api-keys-pepper";

	public static final String PREVIOUS_PEPPERS = "api-keys-previous-peppers";

	public static final String REDIS_PASSWORD = "redis.password";

	public static final String SUPERUSER_PASSWORD = "postgres-superuser.password";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern JWK = Pattern.compile("\\{[^{}]*\\}");

	private GenerateSecrets() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: GenerateSecrets init|add-signing-key|promote-signing-key|retire-signing-keys|"
					+ "rotate-pepper|retire-peppers|rotate-privacy-keys"
					+ " <values-directory>");
			System.exit(2);
		}
		Path dir = Path.of(args[1]);
		switch (args[0]) {
			case "init" -> init(dir).forEach(f -> System.out.println("wrote " + dir.resolve(f)));
			case "add-signing-key" -> System.out.println("added (published, not signing) key " + addSigningKey(dir));
			case "promote-signing-key" -> System.out.println("now signing with key " + promoteSigningKey(dir));
			case "retire-signing-keys" -> System.out.println("kept only signing key " + retireSigningKeys(dir));
			case "rotate-pepper" -> {
				rotatePepper(dir);
				System.out.println("wrote a new " + dir.resolve(PEPPER) + "; the old one is in " + dir.resolve(PREVIOUS_PEPPERS));
			}
			case "rotate-privacy-keys" -> System.out.println("new active personal-data key " + rotatePrivacyKeys(dir));
			case "retire-peppers" -> {
				write(dir.resolve(PREVIOUS_PEPPERS), "");
				System.out.println("emptied " + dir.resolve(PREVIOUS_PEPPERS));
			}
			default -> {
				System.err.println("unknown command " + args[0]);
				System.exit(2);
			}
		}
	}

	/** Creates every missing value file; returns the names written. */
	public static List<String> init(Path dir) throws IOException, GeneralSecurityException {
		Files.createDirectories(dir);
		List<String> written = new ArrayList<>();
		for (String db : DATABASES) {
			writeIfMissing(dir, db + "-db-owner.password", password(), written);
			writeIfMissing(dir, db + "-db-app.password", password(), written);
		}
		for (String service : PRIVACY_SERVICES) {
			String kid = privacyKeyId();
			writeIfMissing(dir, service + "-privacy.env", "grassroots.privacy.active-key=" + kid + "\n"
					+ "grassroots.privacy.blind-index-key=" + base64(randomBytes(32)) + "\n"
					+ "grassroots.privacy.encryption-keys." + kid + "=" + base64(randomBytes(32)) + "\n", written);
		}
		writeIfMissing(dir, REDIS_PASSWORD, password(), written);
		writeIfMissing(dir, SUPERUSER_PASSWORD, password(), written);
		writeIfMissing(dir, PEPPER, base64Url(randomBytes(32)), written);
		// Empty unless a pepper rotation is under way (the gateway binds an empty value to no previous peppers).
		writeIfMissing(dir, PREVIOUS_PEPPERS, "", written);
		if (!Files.exists(dir.resolve(SIGNING_KEYS))) {
			write(dir.resolve(SIGNING_KEYS), jwkSet(List.of(newRsaJwk())));
			written.add(SIGNING_KEYS);
		}
		return written;
	}

	/** Appends a new key to the set: published for verification, not yet signing. Returns its key id. */
	public static String addSigningKey(Path dir) throws IOException, GeneralSecurityException {
		Path file = dir.resolve(SIGNING_KEYS);
		List<String> keys = new ArrayList<>(keys(Files.readString(file)));
		String jwk = newRsaJwk();
		keys.add(jwk);
		write(file, jwkSet(keys));
		return kid(jwk);
	}

	/** Moves the last key (the one added last) to the front, where the gateway signs with it. Returns its id. */
	public static String promoteSigningKey(Path dir) throws IOException {
		Path file = dir.resolve(SIGNING_KEYS);
		List<String> keys = new ArrayList<>(keys(Files.readString(file)));
		if (keys.size() < 2) {
			throw new IllegalStateException(file + " holds one key: add-signing-key first");
		}
		String last = keys.remove(keys.size() - 1);
		keys.add(0, last);
		write(file, jwkSet(keys));
		return kid(last);
	}

	/** Drops every key but the first (the one signing now); returns its key id. */
	public static String retireSigningKeys(Path dir) throws IOException {
		Path file = dir.resolve(SIGNING_KEYS);
		List<String> keys = keys(Files.readString(file));
		if (keys.isEmpty()) {
			throw new IllegalStateException(file + " holds no key");
		}
		write(file, jwkSet(List.of(keys.get(0))));
		return kid(keys.get(0));
	}

	/** A new pepper; the current one goes first into the comma-separated previous peppers. */
	public static void rotatePepper(Path dir) throws IOException {
		String current = Files.readString(dir.resolve(PEPPER)).strip();
		Path previousFile = dir.resolve(PREVIOUS_PEPPERS);
		String previous = Files.exists(previousFile) ? Files.readString(previousFile).strip() : "";
		write(previousFile, previous.isEmpty() ? current : current + "," + previous);
		write(dir.resolve(PEPPER), base64Url(randomBytes(32)));
	}

	/**
	 * Adds a new AES key to every service's personal-data keys and makes it the active one; the old keys stay
	 * for decryption. Returns the new key id.
	 */
	public static String rotatePrivacyKeys(Path dir) throws IOException {
		String kid = privacyKeyId();
		for (String service : PRIVACY_SERVICES) {
			Path file = dir.resolve(service + "-privacy.env");
			List<String> lines = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				lines.add(line.startsWith("grassroots.privacy.active-key=") ? "grassroots.privacy.active-key=" + kid : line);
			}
			lines.add("grassroots.privacy.encryption-keys." + kid + "=" + base64(randomBytes(32)));
			write(file, String.join("\n", lines) + "\n");
		}
		return kid;
	}

	/** 1-32 of [A-Za-z0-9_-], as PersonalDataCipher requires: "k" + date + random. */
	static String privacyKeyId() {
		return "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
				+ HexFormat.of().formatHex(randomBytes(3));
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	static List<String> keys(String jwkSet) {
		int start = jwkSet.indexOf('[');
		int end = jwkSet.lastIndexOf(']');
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("not a JWK set: no \"keys\" array");
		}
		List<String> keys = new ArrayList<>();
		Matcher m = JWK.matcher(jwkSet.substring(start + 1, end));
		while (m.find()) {
			keys.add(m.group());
		}
		return keys;
	}

	static String kid(String jwk) {
		Matcher m = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"").matcher(jwk);
		return m.find() ? m.group(1) : "(no kid)";
	}

	static String jwkSet(List<String> keys) {
		return "{\"keys\":[" + String.join(",", keys) + "]}";
	}

	/** A private RS256 signing key as a JWK (RFC 7517/7518), with a key id naming its creation date. */
	static String newRsaJwk() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048, RANDOM);
		RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
		String kid = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
				+ HexFormat.of().formatHex(randomBytes(4));
		return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\""
				+ ",\"n\":\"" + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\""
				+ ",\"d\":\"" + unsigned(key.getPrivateExponent()) + "\",\"p\":\"" + unsigned(key.getPrimeP()) + "\""
				+ ",\"q\":\"" + unsigned(key.getPrimeQ()) + "\",\"dp\":\"" + unsigned(key.getPrimeExponentP()) + "\""
				+ ",\"dq\":\"" + unsigned(key.getPrimeExponentQ()) + "\",\"qi\":\"" + unsigned(key.getCrtCoefficient())
				+ "\"}";
	}

	private static String unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			byte[] trimmed = new byte[bytes.length - 1];
			System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
			bytes = trimmed;
		}
		return base64Url(bytes);
	}

	/** 32 letters and digits: safe in URLs (the Redis URL carries its password) and in SQL literals. */
	static String password() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder sb = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void writeIfMissing(Path dir, String name, String value, List<String> written) throws IOException {
		Path file = dir.resolve(name);
		if (!Files.exists(file)) {
			write(file, value);
			written.add(name);
		}
	}

	/** No trailing newline: Secret values are used byte for byte. Owner-only permissions where supported. */
	private static void write(Path file, String value) throws IOException {
		Files.writeString(file, value, StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: leave the default permissions
		}
	}
}
