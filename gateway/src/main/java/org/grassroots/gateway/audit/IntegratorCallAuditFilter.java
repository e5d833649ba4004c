package org.grassroots.gateway.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Mono;

import org.grassroots.gateway.auth.AuthenticationFilter;
import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.caller.CallerKind;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records every authenticated integrator request when its response is committed, so the status is the one the
 * integrator saw (including 429 and 503 produced by the gateway). Latency is time to the response head.
 */
@Component
public class IntegratorCallAuditFilter implements WebFilter, Ordered {

	private final IntegratorCallAuditor auditor;

	public IntegratorCallAuditFilter(IntegratorCallAuditor auditor) {
		this.auditor = auditor;
	}

	@Override
	public int getOrder() {
		return AuthenticationFilter.ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
		if (caller == null || caller.kind() != CallerKind.INTEGRATOR) {
			return chain.filter(exchange);
		}
		long started = System.nanoTime();
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		exchange.getResponse().beforeCommit(() -> {
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			int latency = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
			auditor.record(new IntegratorCall(caller.tenant(), caller.clientId(), route == null ? "gateway" : route.getId(),
					method, path, status == null ? 200 : status.value(), latency, at));
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
