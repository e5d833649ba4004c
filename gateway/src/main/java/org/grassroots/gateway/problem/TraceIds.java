package org.grassroots.gateway.problem;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of the server observation of an exchange, read from the exchange rather than a thread local
 * because reactive code may run on any thread.
 */
final class TraceIds {

	private TraceIds() {
	}

	static String of(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(TraceIds::traceId)
			.orElse(null);
	}

	private static String traceId(Observation.Context context) {
		TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
		if (tracing == null) {
			return null;
		}
		Span span = tracing.getSpan();
		// unsampled spans still carry the trace id that downstream calls and logs use
		if (span == null) {
			return null;
		}
		String id = span.context().traceId();
		return (id == null || id.isEmpty() || id.chars().allMatch(c -> c == '0')) ? null : id;
	}

}
