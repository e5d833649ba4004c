package org.grassroots.defaults.privacy;

/** How personal data looks to callers without the right to see it in plain text. */
public final class Masking {

	private Masking() {
	}

	/** {@code 441702199001011234} → {@code 4417**********1234}. */
	public static String idNumber(String value) {
		return keepEnds(value, 4, 4);
	}

	/** {@code 13812345678} → {@code 138****5678}. */
	public static String phone(String value) {
		return keepEnds(value, 3, 4);
	}

	/** {@code 王小明} → {@code 王**}: the family name only. */
	public static String name(String value) {
		return keepEnds(value, 1, 0);
	}

	static String keepEnds(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		int n = value.codePointCount(0, value.length());
		if (n <= head + tail) {
			return "*".repeat(n);
		}
		int headEnd = value.offsetByCodePoints(0, head);
		int tailStart = value.offsetByCodePoints(0, n - tail);
		return value.substring(0, headEnd) + "*".repeat(n - head - tail) + value.substring(tailStart);
	}
}
