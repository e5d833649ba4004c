package org.grassroots.gateway.internaltoken;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys of internal tokens. The first key signs; the others stay published so tokens signed before a
 * rotation keep verifying until they expire.
 */
public final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	static final int MIN_KEY_BITS = 2048;

	private final List<RSAKey> keys;

	private SigningKeys(List<RSAKey> keys) {
		this.keys = List.copyOf(keys);
	}

	/**
	 * The configured keys; without any, a generated key if {@code allowEphemeral}, else a refusal to start.
	 */
	public static SigningKeys load(InternalTokenProperties properties) {
		String json = properties.signingKeys();
		if (json == null || json.isBlank()) {
			if (!properties.allowEphemeralKey()) {
				throw new IllegalStateException("No internal-token signing key: set "
						+ "grassroots.gateway.internal-token.signing-keys (GRASSROOTS_GATEWAY_INTERNAL_TOKEN_SIGNING_KEYS or "
						+ "the configtree secret) to a JWK set with a private RSA key, or, for local development only, "
						+ "grassroots.gateway.internal-token.allow-ephemeral-key=true");
			}
			SigningKeys ephemeral = ephemeral();
			log.warn("!!! Using an EPHEMERAL internal-token signing key (kid {}) generated at start-up. Tokens die with "
					+ "this process and replicas do not share the key: local development only. Configure "
					+ "grassroots.gateway.internal-token.signing-keys for anything else. !!!", ephemeral.signingKey().getKeyID());
			return ephemeral;
		}
		return parse(json);
	}

	static SigningKeys parse(String json) {
		JWKSet set;
		try {
			set = JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("grassroots.gateway.internal-token.signing-keys is not a JWK set: "
					+ ex.getMessage());
		}
		List<RSAKey> keys = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (JWK jwk : set.getKeys()) {
			if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
				throw new IllegalStateException("Every internal-token signing key must be a private RSA key");
			}
			if (rsa.getKeyID() == null || rsa.getKeyID().isBlank() || !ids.add(rsa.getKeyID())) {
				throw new IllegalStateException("Every internal-token signing key needs a unique kid");
			}
			if (rsa.size() < MIN_KEY_BITS) {
				throw new IllegalStateException("Internal-token signing key " + rsa.getKeyID() + " has "
						+ rsa.size() + " bits; at least " + MIN_KEY_BITS + " are required");
			}
			keys.add(rsa);
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("grassroots.gateway.internal-token.signing-keys holds no key");
		}
		return new SigningKeys(keys);
	}

	static SigningKeys ephemeral() {
		try {
			return new SigningKeys(List.of(new RSAKeyGenerator(MIN_KEY_BITS)
				.keyID("ephemeral-" + UUID.randomUUID().toString().substring(0, 8))
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate an RSA key", ex);
		}
	}

	/** The key that signs new tokens. */
	public RSAKey signingKey() {
		return keys.get(0);
	}

	/** Public parts of all keys, as JSON, with use and algorithm stated for verifiers. */
	public String publicJwkSetJson() {
		List<JWK> published = new ArrayList<>();
		for (RSAKey key : keys) {
			published.add(new RSAKey.Builder(key.toPublicJWK())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build());
		}
		return new JWKSet(published).toString();
	}

}
