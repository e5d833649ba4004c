package org.grassroots.grid.households;

import java.util.Locale;
import java.util.regex.Pattern;

import org.grassroots.defaults.privacy.ChineseIdNumber;
import org.grassroots.defaults.privacy.Masking;
import org.grassroots.defaults.privacy.PersonalDataCipher;
import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.stereotype.Component;

/**
 * How grid-service protects personal data (DESIGN.md): ID numbers, phones and exact addresses are stored as
 * AES-GCM ciphertext bound to their record and field, with an HMAC blind index for exact lookup (ID numbers,
 * phones) and a masked form for display. Plaintext leaves only through audited reads.
 */
@Component
public class PersonalData {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

	private final PersonalDataCipher cipher;

	PersonalData(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	/** A protected value: ciphertext, blind index (or null), masked form. */
	public record Sealed(String cipher, String blind, String masked) {
	}

	/** The normalized ID number or a 400 for {@code field}. */
	public static String normalizeIdNumber(String value, String field) {
		String id = ChineseIdNumber.normalize(value);
		if (!ChineseIdNumber.isValid(id)) {
			throw DomainProblem.invalidField(field, "id-number-invalid");
		}
		return id;
	}

	/** The normalized phone (digits only) or a 400 for {@code field}. */
	public static String normalizePhone(String value, String field) {
		String phone = value == null ? null : value.replaceAll("[\\s-]", "");
		if (phone != null && phone.startsWith("+86")) {
			phone = phone.substring(3);
		}
		if (phone == null || !(MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches())) {
			throw DomainProblem.invalidField(field, "phone-invalid");
		}
		return phone;
	}

	public Sealed idNumber(String normalized, String context) {
		return normalized == null ? null : new Sealed(cipher.encrypt(normalized, context),
				cipher.blindIndex("id_number", normalized), Masking.idNumber(normalized));
	}

	public Sealed phone(String normalized, String context) {
		return normalized == null ? null : new Sealed(cipher.encrypt(normalized, context),
				cipher.blindIndex("phone", normalized), Masking.phone(normalized));
	}

	public Sealed address(String address, String context) {
		return address == null ? null : new Sealed(cipher.encrypt(address, context), null, maskAddress(address));
	}

	public String blindIdNumber(String normalized) {
		return cipher.blindIndex("id_number", normalized);
	}

	public String blindPhone(String normalized) {
		return cipher.blindIndex("phone", normalized);
	}

	/** A keyed digest (never reversible, never guessable without the key) to tell unchanged content. */
	public String digest(String canonical) {
		return cipher.blindIndex("content", canonical);
	}

	public String decrypt(String stored, String context) {
		return cipher.decrypt(stored, context);
	}

	/** {@code 阳江市江城区南恩路12号3栋301} → {@code 阳江市江城区****}: the area, never the door. */
	public static String maskAddress(String address) {
		int n = address.codePointCount(0, address.length());
		int keep = Math.max(1, Math.min(6, n / 2));
		return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
	}

	static String contextOf(String type, Object id, String field) {
		return type + ":" + id + ":" + field.toLowerCase(Locale.ROOT);
	}
}
