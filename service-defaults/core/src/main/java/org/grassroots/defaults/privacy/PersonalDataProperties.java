package org.grassroots.defaults.privacy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data, from a Kubernetes secret (configtree) or the environment; never committed.
 *
 * @param encryptionKeys key id → base64 of a 256-bit AES key; old ids stay to decrypt what they wrote
 * @param activeKey the key id new values are encrypted with
 * @param blindIndexKey base64 of the HMAC key for equality lookup; rotating it means re-indexing
 */
@ConfigurationProperties("grassroots.privacy")
public record PersonalDataProperties(Map<String, String> encryptionKeys, String activeKey, String blindIndexKey) {

	public PersonalDataProperties {
		encryptionKeys = encryptionKeys == null ? Map.of() : Map.copyOf(encryptionKeys);
	}

	public boolean configured() {
		return !encryptionKeys.isEmpty() && activeKey != null && blindIndexKey != null;
	}
}
