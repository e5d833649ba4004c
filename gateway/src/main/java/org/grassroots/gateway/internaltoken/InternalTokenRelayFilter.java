package org.grassroots.gateway.internaltoken;

import reactor.core.publisher.Mono;

import org.grassroots.gateway.caller.Caller;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * On routed requests, sends {@code Authorization: Bearer <internal token>} for the authenticated caller. Routes
 * reached without a caller (e.g. proxied API documents) get no token at all.
 */
@Component
public class InternalTokenRelayFilter implements GlobalFilter, Ordered {

	private final InternalTokenMinter minter;

	public InternalTokenRelayFilter(InternalTokenMinter minter) {
		this.minter = minter;
	}

	@Override
	public int getOrder() {
		// after rate limiting (no signature for a rejected request), before any routing filter
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
			headers.remove(HttpHeaders.AUTHORIZATION);
			if (caller != null) {
				headers.setBearerAuth(minter.mint(caller));
			}
		}).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

}
