package org.grassroots.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.grassroots.gateway.auth.AuthenticationFilter;
import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.edge.ClientAddresses;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rate-limits the gateway's own admin API ({@code /api/v1/platform/**}, route {@code platform}), which is not a
 * gateway route and so not seen by {@link RouteRateLimitFilter}.
 */
@Component
public class PlatformRateLimitFilter implements WebFilter, Ordered {

	private final RateLimiter limiter;

	private final ClientAddresses addresses;

	public PlatformRateLimitFilter(RateLimiter limiter, ClientAddresses addresses) {
		this.limiter = limiter;
		this.addresses = addresses;
	}

	@Override
	public int getOrder() {
		return AuthenticationFilter.ORDER + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/v1/platform/")) {
			return chain.filter(exchange);
		}
		Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
		return limiter.take(caller, addresses.resolve(exchange.getRequest()), "platform", limiter.platformLimit())
			.flatMap(decision -> {
				if (!decision.allowed()) {
					return Mono.error(RateLimitHeaders.tooManyRequests(decision));
				}
				RateLimitHeaders.apply(exchange.getResponse().getHeaders(), decision);
				return chain.filter(exchange);
			});
	}

}
