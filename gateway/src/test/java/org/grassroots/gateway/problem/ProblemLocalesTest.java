package org.grassroots.gateway.problem;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemLocalesTest {

	@Test
	void chineseUnlessEnglishIsPreferred() {
		assertThat(resolve(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(resolve("en")).isEqualTo(Locale.ENGLISH);
		assertThat(resolve("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
		assertThat(resolve("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(resolve("fr-FR,en;q=0.5")).isEqualTo(Locale.ENGLISH);
		assertThat(resolve("zh;q=0.2,en;q=0.9")).isEqualTo(Locale.ENGLISH);
		assertThat(resolve("de")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(resolve(";;;garbage")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void everyProblemTypeHasTitleAndDetailInBothLanguages() {
		ProblemMessages messages = new ProblemMessages();
		for (ProblemType type : ProblemType.values()) {
			for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
				assertThat(messages.title(type, locale)).as(type + " title " + locale).doesNotEndWith(".title");
				assertThat(messages.detail(ProblemException.of(type), locale)).as(type + " detail " + locale)
					.doesNotEndWith(".detail");
			}
		}
		assertThat(messages.title(ProblemType.RATE_LIMITED, Locale.SIMPLIFIED_CHINESE)).isEqualTo("请求过于频繁");
		assertThat(messages.title(ProblemType.RATE_LIMITED, Locale.ENGLISH)).isEqualTo("Too many requests");
	}

	private static Locale resolve(String acceptLanguage) {
		HttpHeaders headers = new HttpHeaders();
		if (acceptLanguage != null) {
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		}
		return ProblemLocales.resolve(headers);
	}

}
