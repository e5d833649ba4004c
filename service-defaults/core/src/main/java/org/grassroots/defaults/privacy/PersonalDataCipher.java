package org.grassroots.defaults.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM and derives a blind index (HMAC-SHA256) for exact lookup
 * without decrypting. A ciphertext names its key id ({@code v1:<kid>:<base64 nonce|ciphertext|tag>}), so keys
 * rotate without a flag day: new writes use the active key, old values decrypt with theirs, and
 * {@link #needsReencryption(String)} tells a re-encryption job which rows to rewrite. The key id and the record's
 * identity are bound as associated data, so a ciphertext cannot be moved to another field or row unnoticed.
 */
public class PersonalDataCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKey> keys = new HashMap<>();

	private final String activeKey;

	private final SecretKeySpec blindIndexKey;

	private final SecureRandom random = new SecureRandom();

	public PersonalDataCipher(PersonalDataProperties properties) {
		if (!properties.configured()) {
			throw new IllegalStateException("grassroots.privacy: encryption-keys, active-key and blind-index-key "
					+ "must be set (from a secret) for a service that stores personal data");
		}
		properties.encryptionKeys().forEach((kid, base64) -> keys.put(kid, aesKey(kid, base64)));
		if (!keys.containsKey(properties.activeKey())) {
			throw new IllegalStateException("grassroots.privacy.active-key names no configured key");
		}
		this.activeKey = properties.activeKey();
		byte[] blind = Base64.getDecoder().decode(properties.blindIndexKey());
		if (blind.length < 32) {
			throw new IllegalStateException("grassroots.privacy.blind-index-key must be at least 256 bits");
		}
		this.blindIndexKey = new SecretKeySpec(blind, "HmacSHA256");
	}

	private static SecretKey aesKey(String kid, String base64) {
		if (!kid.matches("[A-Za-z0-9_-]{1,32}")) {
			throw new IllegalStateException("grassroots.privacy key id must be 1-32 of [A-Za-z0-9_-]: " + kid);
		}
		byte[] bytes = Base64.getDecoder().decode(base64);
		if (bytes.length != 32) {
			throw new IllegalStateException("grassroots.privacy key " + kid + " must be 256 bits");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/**
	 * @param plaintext the value
	 * @param context what it is, e.g. {@code resident:<id>:id_number}: bound to the ciphertext
	 */
	public String encrypt(String plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(aad(activeKey, context));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
			return "v1:" + activeKey + ":" + Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String stored, String context) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split(":", 3);
		if (parts.length != 3 || !parts[0].equals("v1") || !keys.containsKey(parts[1])) {
			throw new IllegalStateException("unreadable ciphertext (unknown format or key id)");
		}
		try {
			byte[] all = Base64.getDecoder().decode(parts[2]);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			cipher.updateAAD(aad(parts[1], context));
			byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("decryption failed: wrong key or tampered value", ex);
		}
	}

	/** Whether a stored value was written with a key other than the active one. */
	public boolean needsReencryption(String stored) {
		return stored != null && !stored.startsWith("v1:" + activeKey + ":");
	}

	/**
	 * The blind index of a value for equality lookup: HMAC-SHA256 of the normalized value, per purpose, hex.
	 * @param purpose separates indexes of different fields, e.g. {@code id_number}
	 */
	public String blindIndex(String purpose, String normalizedValue) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(blindIndexKey);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] aad(String kid, String context) {
		return (kid + "|" + context).getBytes(StandardCharsets.UTF_8);
	}
}
