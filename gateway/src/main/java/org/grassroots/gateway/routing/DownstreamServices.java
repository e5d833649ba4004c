package org.grassroots.gateway.routing;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each domain service lives ({@code grassroots.gateway.services.<name>.url}). Routes in application.yml
 * take their URIs from these keys; the OpenAPI proxy uses them too.
 */
@ConfigurationProperties("grassroots.gateway")
public record DownstreamServices(Map<String, Service> services) {

	public DownstreamServices {
		services = services == null ? Map.of() : Map.copyOf(services);
	}

	/** @param url base URL of the service, e.g. {@code http://center-service:8080} */
	public record Service(URI url) {
	}

}
