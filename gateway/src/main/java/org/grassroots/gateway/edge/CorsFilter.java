package org.grassroots.gateway.edge;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Browser cross-origin access for the configured origins only (none by default), answered before
 * authentication so preflight requests need no credentials. Credentials are bearer tokens, not cookies, so
 * {@code allowCredentials} stays off.
 */
@Component
public class CorsFilter implements WebFilter, Ordered {

	public static final int ORDER = -300;

	private final CorsWebFilter delegate;

	public CorsFilter(EdgeProperties properties) {
		List<String> origins = properties.cors().allowedOrigins();
		if (origins.isEmpty()) {
			this.delegate = null;
			return;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(origins);
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
				HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, "X-API-Key", "Idempotency-Key",
				"traceparent"));
		configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
				"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		this.delegate = new CorsWebFilter(source);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return delegate == null ? chain.filter(exchange) : delegate.filter(exchange, chain);
	}

}
