package org.grassroots.gateway.clients;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiKeysTest {

	static final String PEPPER = "unit-test-pepper-0123456789abcdefghij";

	@Test
	void generatedKeysHaveTheDocumentedFormatAndDoNotRepeat() {
		SecureRandom random = new SecureRandom();
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String key = ApiKeys.generate(random);
			assertThat(key).matches("gr_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
			assertThat(ApiKeys.isWellFormed(key)).isTrue();
			assertThat(ApiKeys.displayPrefix(key)).hasSize(11).isEqualTo(key.substring(0, 11));
			keys.add(key);
		}
		assertThat(keys).hasSize(1000);
	}

	@Test
	void malformedKeysAreRecognisedWithoutALookup() {
		String valid = "gr_abcd1234_" + "A".repeat(43);
		assertThat(ApiKeys.isWellFormed(valid)).isTrue();
		for (String key : List.of("", "gr_", "gr_ABCD1234_" + "A".repeat(43), "gr_abcd1234_" + "A".repeat(42),
				"gr_abcd1234_" + "A".repeat(44), "xx_abcd1234_" + "A".repeat(43), "gr_abcd1234_" + "A".repeat(42) + "=")) {
			assertThat(ApiKeys.isWellFormed(key)).as(key).isFalse();
		}
		assertThat(ApiKeys.isWellFormed(null)).isFalse();
	}

	@Test
	void hashIsHexHmacSha256UnderThePepper() {
		ApiKeyHasher hasher = new ApiKeyHasher(new ApiKeyProperties(PEPPER, List.of(), null, null, 0));
		// reference value computed independently (Python hmac)
		assertThat(hasher.hash("gr_abcd1234_" + "A".repeat(43)))
			.isEqualTo("27ada9302b4b2b9fe3d2285e239cafdd277a6738a21214e15adb8bbd7d90cd57");
	}

	@Test
	void rotatedPeppersStillVerifyButTheCurrentOneComesFirst() {
		String old = "the-previous-pepper-0123456789abcdef";
		ApiKeyHasher rotated = new ApiKeyHasher(new ApiKeyProperties(PEPPER, List.of(old), null, null, 0));
		ApiKeyHasher before = new ApiKeyHasher(new ApiKeyProperties(old, List.of(), null, null, 0));
		String key = "gr_abcd1234_" + "B".repeat(43);
		assertThat(rotated.candidates(key)).containsExactly(rotated.hash(key), before.hash(key));
	}

	@Test
	void aMissingOrShortPepperRefusesToStart() {
		assertThatIllegalStateException().isThrownBy(() -> new ApiKeyHasher(new ApiKeyProperties(null, List.of(), null, null, 0)))
			.withMessageContaining("grassroots.gateway.api-keys.pepper is required");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApiKeyHasher(new ApiKeyProperties("short", List.of(), null, null, 0)))
			.withMessageContaining("at least 32");
	}

}
