package org.grassroots.defaults.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.grassroots.defaults.security.CallerHolder;
import org.springframework.http.HttpHeaders;

/**
 * Calls to other services carry the internal token of the request being served, so the provider sees the same
 * caller, tenant and data scope. Background work has no caller and must not call providers that need one.
 */
public class InternalTokenRelay implements RequestInterceptor {

	@Override
	public void apply(RequestTemplate template) {
		CallerHolder.current()
			.ifPresent(caller -> template.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token()));
	}
}
