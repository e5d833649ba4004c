package org.grassroots.gateway.clients;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Stored form of API keys: hex HMAC-SHA256 of the key under a secret pepper. A database leak alone does not
 * allow verifying guessed keys, and lookups are by exact hash (indexed), never by scanning.
 */
@Component
public class ApiKeyHasher {

	static final int MIN_PEPPER_LENGTH = 32;

	private final SecretKeySpec current;

	private final List<SecretKeySpec> previous;

	public ApiKeyHasher(ApiKeyProperties properties) {
		this.current = key(properties.pepper(), "grassroots.gateway.api-keys.pepper");
		List<SecretKeySpec> older = new ArrayList<>();
		for (String old : properties.previousPeppers()) {
			older.add(key(old, "grassroots.gateway.api-keys.previous-peppers"));
		}
		this.previous = List.copyOf(older);
	}

	private static SecretKeySpec key(String pepper, String property) {
		if (pepper == null || pepper.isBlank()) {
			throw new IllegalStateException(property + " is required (GRASSROOTS_GATEWAY_API_KEYS_PEPPER or the "
					+ "configtree secret): it keys the hashes of integrator API keys");
		}
		if (pepper.length() < MIN_PEPPER_LENGTH) {
			throw new IllegalStateException(property + " must be at least " + MIN_PEPPER_LENGTH + " characters");
		}
		return new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** The hash stored for a new key. */
	public String hash(String key) {
		return hmac(current, key);
	}

	/** The current hash first, then the hashes under peppers being rotated out. */
	public List<String> candidates(String key) {
		List<String> hashes = new ArrayList<>(1 + previous.size());
		hashes.add(hmac(current, key));
		for (SecretKeySpec old : previous) {
			hashes.add(hmac(old, key));
		}
		return hashes;
	}

	private static String hmac(SecretKeySpec pepper, String key) {
		try {
			// Mac instances are not thread-safe; creating one is cheap next to a database round trip
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(pepper);
			return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
