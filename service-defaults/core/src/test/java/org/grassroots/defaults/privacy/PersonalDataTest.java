package org.grassroots.defaults.privacy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTest {

	static String key(int seed) {
		byte[] bytes = new byte[32];
		java.util.Arrays.fill(bytes, (byte) seed);
		return Base64.getEncoder().encodeToString(bytes);
	}

	final PersonalDataCipher v1 = new PersonalDataCipher(new PersonalDataProperties(Map.of("k1", key(1)), "k1", key(9)));

	@Test
	void encryptsWithFreshNoncesAndDecryptsInItsContextOnly() {
		String a = v1.encrypt("441702199001011236", "resident:r1:id_number");
		String b = v1.encrypt("441702199001011236", "resident:r1:id_number");
		assertThat(a).startsWith("v1:k1:").isNotEqualTo(b).doesNotContain("4417021990");
		assertThat(v1.decrypt(a, "resident:r1:id_number")).isEqualTo("441702199001011236");
		assertThatThrownBy(() -> v1.decrypt(a, "resident:r2:id_number")).hasMessageContaining("tampered");
		String tampered = a.substring(0, a.length() - 4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
		assertThatThrownBy(() -> v1.decrypt(tampered, "resident:r1:id_number")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void rotatesKeysWithoutAFlagDay() {
		String old = v1.encrypt("13812345678", "member:m1:phone");
		PersonalDataCipher rotated = new PersonalDataCipher(
				new PersonalDataProperties(Map.of("k1", key(1), "k2", key(2)), "k2", key(9)));
		assertThat(rotated.decrypt(old, "member:m1:phone")).isEqualTo("13812345678");
		assertThat(rotated.needsReencryption(old)).isTrue();
		String fresh = rotated.encrypt("13812345678", "member:m1:phone");
		assertThat(fresh).startsWith("v1:k2:");
		assertThat(rotated.needsReencryption(fresh)).isFalse();
		assertThat(rotated.blindIndex("phone", "13812345678")).isEqualTo(v1.blindIndex("phone", "13812345678"));
	}

	@Test
	void blindIndexesAreStablePerPurposeAndRevealNothing() {
		String idx = v1.blindIndex("id_number", "441702199001011236");
		assertThat(idx).hasSize(64).isEqualTo(v1.blindIndex("id_number", "441702199001011236"));
		assertThat(v1.blindIndex("phone", "441702199001011236")).isNotEqualTo(idx);
	}

	@Test
	void refusesToRunWithoutKeys() {
		assertThatThrownBy(() -> new PersonalDataCipher(new PersonalDataProperties(Map.of(), null, null)))
			.hasMessageContaining("grassroots.privacy");
		assertThatThrownBy(() -> new PersonalDataCipher(new PersonalDataProperties(Map.of("k1", key(1)), "k9", key(9))))
			.hasMessageContaining("active-key");
	}

	@Test
	void masksForDisplay() {
		assertThat(Masking.idNumber("441702199001011234")).isEqualTo("4417**********1234");
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.name("王小明")).isEqualTo("王**");
		assertThat(Masking.phone("123")).isEqualTo("***");
		assertThat(Masking.phone(null)).isNull();
	}

	@Test
	void validatesIdNumbersByTheGb11643CheckCharacter() {
		String first17 = "44170219900101123";
		String valid = first17 + ChineseIdNumber.checkCharacter(first17);
		assertThat(ChineseIdNumber.isValid(valid)).isTrue();
		char wrong = valid.charAt(17) == '0' ? '1' : '0';
		assertThat(ChineseIdNumber.isValid(first17 + wrong)).isFalse();
		assertThat(ChineseIdNumber.isValid("11010519491231002X")).isTrue();
		assertThat(ChineseIdNumber.isValid("11010519491231002x")).isTrue();
		assertThat(ChineseIdNumber.isValid("44170219901301123" + "0")).as("month 13").isFalse();
		assertThat(ChineseIdNumber.isValid("4417021990010112")).isFalse();
		assertThat(ChineseIdNumber.isValid(null)).isFalse();
	}
}
