package org.grassroots.gateway.auth;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import reactor.util.context.Context;

/**
 * Carries the caller's tenant into log lines: written to the Reactor context by the authentication filter and
 * restored into the MDC on whatever thread runs the request (automatic context propagation), where the JSON log
 * encoder picks it up next to the trace id.
 */
public final class TenantLogContext {

	public static final String KEY = "tenant";

	static {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
	}

	private TenantLogContext() {
	}

	public static Context with(Context context, String tenant) {
		return tenant == null ? context : context.put(KEY, tenant);
	}

}
