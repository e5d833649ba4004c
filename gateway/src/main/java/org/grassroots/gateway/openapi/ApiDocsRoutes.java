package org.grassroots.gateway.openapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /v3/api-docs} (index) and {@code GET /v3/api-docs/{service}} (proxied). Router functions are
 * consulted before annotated controllers, so these win over springdoc's own {@code /v3/api-docs[/{group}]} for
 * the index and service names; {@code /v3/api-docs/gateway} falls through to springdoc.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

	private static final String PREFIX = "/v3/api-docs/";

	@Bean
	RouterFunction<ServerResponse> apiDocsRouter(ServiceApiDocs docs) {
		return RouterFunctions.route()
			.GET("/v3/api-docs", request -> docs.index())
			.route(RequestPredicates.GET(PREFIX + "*")
				.and(request -> docs.isService(request.path().substring(PREFIX.length()))),
					request -> docs.document(request.path().substring(PREFIX.length())))
			.build();
	}

}
