package org.grassroots.gateway.problem;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Titles, details and field messages of problems in zh-CN ({@code problems.properties}) and English
 * ({@code problems_en.properties}).
 */
@Component
public class ProblemMessages {

	private final ResourceBundleMessageSource source;

	public ProblemMessages() {
		this.source = new ResourceBundleMessageSource();
		this.source.setBasename("problems");
		this.source.setDefaultEncoding("UTF-8");
		// without this a JVM running in English would never fall back to the zh-CN base bundle
		this.source.setFallbackToSystemLocale(false);
		this.source.setUseCodeAsDefaultMessage(true);
	}

	public String title(ProblemType type, Locale locale) {
		return source.getMessage(type.slug() + ".title", null, locale);
	}

	public String detail(ProblemException problem, Locale locale) {
		String key = problem.detailKey() != null ? problem.detailKey() : problem.type().slug() + ".detail";
		return source.getMessage(key, problem.detailArguments(), locale);
	}

	public String message(String key, Object[] arguments, Locale locale) {
		return source.getMessage(key, arguments, locale);
	}

}
