package org.grassroots.member.members;

import java.util.regex.Pattern;

import org.grassroots.defaults.privacy.ChineseIdNumber;
import org.grassroots.defaults.problem.DomainProblem;

/**
 * Validation of ID numbers and phones with a reason a person can act on: wrong length or characters, an
 * impossible birth date, or a wrong check character (GB 11643, ISO 7064 MOD 11-2).
 */
public final class IdNumbers {

	private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/** @return the normalized ID number, or a 400 problem on {@code field} saying what is wrong */
	public static String validate(String field, String value) {
		String id = ChineseIdNumber.normalize(value);
		if (ChineseIdNumber.isValid(id)) {
			return id;
		}
		if (id == null || !SHAPE.matcher(id).matches()) {
			throw DomainProblem.invalidField(field, "id-number-format");
		}
		if (expectedCheck(id) != id.charAt(17)) {
			throw DomainProblem.invalidField(field, "id-number-check-digit");
		}
		throw DomainProblem.invalidField(field, "id-number-birth-date");
	}

	/** @return the phone as digits only (spaces and hyphens dropped), or a 400 problem on {@code field} */
	public static String validatePhone(String field, String value) {
		if (value == null) {
			return null;
		}
		String digits = value.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		if (!PHONE.matcher(digits).matches()) {
			throw DomainProblem.invalidField(field, "phone-format");
		}
		return digits;
	}

	/** Only used to tell a wrong check character from a wrong date; validity itself is ChineseIdNumber's. */
	private static char expectedCheck(String id) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}
}
