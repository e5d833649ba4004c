package org.grassroots.gateway.internaltoken;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public internal-token keys for the services (no authentication: public keys only).
 */
@RestController
@Tag(name = "internal token", description = "Keys services use to verify the gateway's internal tokens")
class JwksController {

	private final String jwkSet;

	JwksController(SigningKeys keys) {
		this.jwkSet = keys.publicJwkSetJson();
	}

	@GetMapping(path = "/internal-token/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Public JWK set of the internal-token signing keys")
	ResponseEntity<String> jwks() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(jwkSet);
	}

}
