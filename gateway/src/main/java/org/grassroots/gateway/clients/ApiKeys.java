package org.grassroots.gateway.clients;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The format of integrator API keys: {@code gr_<8-char prefix>_<43 url-safe chars>}. The prefix is shown in
 * listings so people can tell keys apart; the 32 random bytes after it are the secret.
 */
public final class ApiKeys {

	private static final String LEAD = "gr_";

	private static final int PREFIX_LENGTH = 8;

	private static final int SECRET_BYTES = 32;

	private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final Pattern FORMAT = Pattern.compile("gr_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");

	private ApiKeys() {
	}

	/** A new key, generated from {@code random} (a {@link SecureRandom}). */
	public static String generate(SecureRandom random) {
		StringBuilder key = new StringBuilder(LEAD);
		for (int i = 0; i < PREFIX_LENGTH; i++) {
			key.append(PREFIX_ALPHABET[random.nextInt(PREFIX_ALPHABET.length)]);
		}
		byte[] secret = new byte[SECRET_BYTES];
		random.nextBytes(secret);
		key.append('_').append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
		return key.toString();
	}

	/** Whether {@code key} has the shape of a key: anything else is refused without touching the database. */
	public static boolean isWellFormed(String key) {
		return key != null && key.length() == LEAD.length() + PREFIX_LENGTH + 1 + 43 && FORMAT.matcher(key).matches();
	}

	/** The displayable prefix, e.g. {@code gr_ab12cd34}. */
	public static String displayPrefix(String key) {
		return key.substring(0, LEAD.length() + PREFIX_LENGTH);
	}

}
