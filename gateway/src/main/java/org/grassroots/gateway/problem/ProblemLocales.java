package org.grassroots.gateway.problem;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * Picks the language of problem details: zh-CN unless {@code Accept-Language} prefers English.
 */
public final class ProblemLocales {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private ProblemLocales() {
	}

	public static Locale resolve(HttpHeaders headers) {
		String header = headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE);
		if (header == null || header.isBlank()) {
			return CHINESE;
		}
		List<Locale.LanguageRange> ranges;
		try {
			// parse() orders by weight, highest first
			ranges = Locale.LanguageRange.parse(header);
		}
		catch (IllegalArgumentException ex) {
			return CHINESE;
		}
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() <= 0) {
				continue;
			}
			String primary = range.getRange().split("-", 2)[0];
			if (primary.equals("en")) {
				return Locale.ENGLISH;
			}
			if (primary.equals("zh") || primary.equals("*")) {
				return CHINESE;
			}
		}
		return CHINESE;
	}

}
