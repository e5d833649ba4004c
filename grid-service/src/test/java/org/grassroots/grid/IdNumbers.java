package org.grassroots.grid;

import java.util.concurrent.ThreadLocalRandom;

/** Valid resident ID numbers (GB 11643 check character) for tests. */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/** A random valid number born on {@code yyyyMMdd}. */
	public static String random(String birth) {
		String first17 = "441702" + birth + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + CHECK[sum % 11];
	}

	public static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}
}
