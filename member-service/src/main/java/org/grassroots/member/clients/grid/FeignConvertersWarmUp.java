package org.grassroots.member.clients.grid;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.stereotype.Component;

/**
 * Spring Cloud OpenFeign 5.0.2 builds a client's message converters lazily on first use, without
 * synchronization: it publishes an empty list and fills it afterwards. Two requests that reach grid-service at
 * the same moment right after start (two import batches, say) then fail with "no suitable HttpMessageConverter".
 * Building them here, once, before the web server takes requests, avoids that.
 */
@Component
class FeignConvertersWarmUp implements SmartInitializingSingleton {

	private final FeignClientFactory clients;

	FeignConvertersWarmUp(FeignClientFactory clients) {
		this.clients = clients;
	}

	@Override
	public void afterSingletonsInstantiated() {
		FeignHttpMessageConverters converters = clients.getInstance(GridClientFallback.SERVICE,
				FeignHttpMessageConverters.class);
		if (converters != null) {
			converters.getConverters();
		}
	}
}
