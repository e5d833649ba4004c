package org.grassroots.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.edge.ClientAddresses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate-limits routed requests per client and route, before the circuit breaker and the internal token (a refused
 * request costs neither a signature nor a breaker slot).
 */
@Component
public class RouteRateLimitFilter implements GlobalFilter, Ordered {

	private final RateLimiter limiter;

	private final ClientAddresses addresses;

	public RouteRateLimitFilter(RateLimiter limiter, ClientAddresses addresses) {
		this.limiter = limiter;
		this.addresses = addresses;
	}

	@Override
	public int getOrder() {
		return -100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String routeId = route == null ? "unknown" : route.getId();
		Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
		return limiter
			.take(caller, addresses.resolve(exchange.getRequest()), routeId, limiter.limitFor(caller))
			.flatMap(decision -> {
				if (!decision.allowed()) {
					return Mono.error(RateLimitHeaders.tooManyRequests(decision));
				}
				RateLimitHeaders.apply(exchange.getResponse().getHeaders(), decision);
				return chain.filter(exchange);
			});
	}

}
