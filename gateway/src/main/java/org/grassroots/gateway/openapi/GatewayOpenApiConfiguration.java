package org.grassroots.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;

import org.grassroots.gateway.caller.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own API document, {@code /v3/api-docs/gateway}: the platform admin API and the internal-token
 * key set. Service documents are proxied by {@link ServiceApiDocs}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayOpenApiConfiguration {

	static {
		// the authenticated caller is resolved from the credential, not a request parameter
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	GroupedOpenApi gatewayApi() {
		return GroupedOpenApi.builder()
			.group("gateway")
			.pathsToMatch("/api/v1/platform/**", "/internal-token/**")
			.build();
	}

	@Bean
	OpenAPI gatewayOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Grassroots gateway")
				.version("v1")
				.description("Platform records (districts, integrator clients) and internal-token keys. Errors are "
						+ "RFC 9457 application/problem+json."))
			.components(new Components()
				.addSecuritySchemes("person", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("OIDC access token of a person"))
				.addSecuritySchemes("integrator", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("X-API-Key")
					.description("API key of an integrator client")))
			.addSecurityItem(new SecurityRequirement().addList("person"));
	}

}
