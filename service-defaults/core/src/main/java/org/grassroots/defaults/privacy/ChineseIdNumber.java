package org.grassroots.defaults.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Resident identity card numbers (GB 11643-1999): 18 characters, a six-digit region code, birth date, sequence
 * and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class ChineseIdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private ChineseIdNumber() {
	}

	/** Upper-cases a trailing x and trims: the form that is stored, indexed and compared. */
	public static String normalize(String value) {
		return value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
	}

	public static boolean isValid(String value) {
		String id = normalize(value);
		if (id == null || !id.matches("\\d{17}[\\dX]")) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
			if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
				return false;
			}
		}
		catch (DateTimeException ex) {
			return false;
		}
		return id.charAt(17) == checkCharacter(id);
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}
}
