package org.grassroots.grid.open311;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of an Open311 request: the query string plus an {@code application/x-www-form-urlencoded} body,
 * decoded as UTF-8. Read from the body itself (not the servlet parameter map) so it works behind filters that
 * re-serve a cached body, e.g. the Idempotency-Key filter.
 */
final class FormParameters {

	private FormParameters() {
	}

	static MultiValueMap<String, String> of(HttpServletRequest request) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		parse(request.getQueryString(), params);
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			byte[] body;
			try {
				body = request.getInputStream().readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (body.length > 0) {
				parse(new String(body, StandardCharsets.UTF_8), params);
			}
			else {
				// something upstream already read the body into the parameter map
				params.clear();
				for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
					for (String value : entry.getValue()) {
						params.add(entry.getKey(), value);
					}
				}
			}
		}
		return params;
	}

	private static void parse(String encoded, MultiValueMap<String, String> into) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				into.add(name, value);
			}
			catch (IllegalArgumentException ex) {
				throw new Open311Exception(org.springframework.http.HttpStatus.BAD_REQUEST,
						"Malformed form encoding in '" + pair + "'");
			}
		}
	}
}
