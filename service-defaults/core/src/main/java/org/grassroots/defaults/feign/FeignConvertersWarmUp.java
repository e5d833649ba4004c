package org.grassroots.defaults.feign;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;

/**
 * Spring Cloud OpenFeign 5.0.2 builds a client's message converters lazily on first use, without
 * synchronization: it publishes an empty list and fills it afterwards. Two requests that call the same provider at
 * the same moment right after start then fail with "no suitable HttpMessageConverter". Building every client's
 * converters once, before the web server takes requests, closes that window.
 */
public class FeignConvertersWarmUp implements SmartInitializingSingleton {

	/** Prefix of the factory's own default configurations, which are not clients. */
	private static final String DEFAULTS = "default.";

	private final ObjectProvider<FeignClientFactory> factory;

	public FeignConvertersWarmUp(ObjectProvider<FeignClientFactory> factory) {
		this.factory = factory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		FeignClientFactory clients = factory.getIfAvailable();
		if (clients == null) {
			return;
		}
		for (String client : clients.getConfigurations().keySet()) {
			if (client.startsWith(DEFAULTS)) {
				continue;
			}
			FeignHttpMessageConverters converters = clients.getInstance(client, FeignHttpMessageConverters.class);
			if (converters != null) {
				converters.getConverters();
			}
		}
	}

}
