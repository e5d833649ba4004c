package org.grassroots.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request-level limits and the network around the gateway.
 * @param maxBodySize the largest request body accepted (413 beyond it)
 * @param trustedProxies CIDR blocks of proxies whose {@code X-Forwarded-For} is believed; empty means the
 * connection's address is the client
 * @param cors browser cross-origin access
 */
@ConfigurationProperties("grassroots.gateway")
public record EdgeProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> trustedProxies,
		@DefaultValue Cors cors) {

	/**
	 * @param allowedOrigins origins allowed to call from a browser; empty (the default) allows none
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
