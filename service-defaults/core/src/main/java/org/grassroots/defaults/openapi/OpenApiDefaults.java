package org.grassroots.defaults.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The document header every service's OpenAPI shares: title, version, and the bearer scheme. */
public final class OpenApiDefaults {

	private OpenApiDefaults() {
	}

	public static OpenAPI document(String applicationName, String description) {
		return new OpenAPI()
			.info(new Info().title("Grassroots " + applicationName).version("v1").description(description))
			.components(new Components().addSecuritySchemes("internal-token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Minted by the gateway from a person's OIDC token or an integrator's API key")))
			.addSecurityItem(new SecurityRequirement().addList("internal-token"));
	}
}
