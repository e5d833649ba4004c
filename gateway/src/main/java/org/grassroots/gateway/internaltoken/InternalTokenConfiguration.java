package org.grassroots.gateway.internaltoken;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the signing keys once at start-up (or refuses to start) and builds the minter. */
@Configuration(proxyBeanMethods = false)
class InternalTokenConfiguration {

	@Bean
	SigningKeys internalTokenSigningKeys(InternalTokenProperties properties) {
		return SigningKeys.load(properties);
	}

	@Bean
	InternalTokenMinter internalTokenMinter(SigningKeys keys, InternalTokenProperties properties) {
		return new InternalTokenMinter(keys, properties, Clock.systemUTC());
	}

}
