package org.grassroots.gateway.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.netty.channel.ChannelOption;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Verifies people's OIDC access tokens: signature against the issuer's JWK set (fetched, cached and refreshed on
 * an unknown key id), issuer, expiry and not-before with a small skew, and the audience when configured.
 * The issuer is discovered lazily on the first token, so the gateway starts even while the issuer is down.
 * <p>
 * A verified token's claims are kept for a few minutes: a person's app sends the same token with every request
 * until it expires, and the RSA verification is one of the gateway's larger per-request costs. A kept token is
 * still refused once its {@code exp} (with the skew) has passed. The gateway never accepted revocation of person
 * tokens before their expiry (no introspection), so keeping them changes nothing a caller can observe.
 */
@Component
public class PersonTokenVerifier {

	private static final Logger log = LoggerFactory.getLogger(PersonTokenVerifier.class);

	/** About 2 KB per entry: bounded at a few tens of megabytes. */
	private static final int VERIFIED_CACHE_SIZE = 20_000;

	private static final Duration VERIFIED_CACHE_TTL = Duration.ofMinutes(5);

	private final OidcProperties properties;

	private final WebClient webClient;

	private final Mono<ReactiveJwtDecoder> decoder;

	private final Cache<String, Map<String, Object>> verified;

	private final Clock clock;

	@Autowired
	public PersonTokenVerifier(OidcProperties properties) {
		this(properties, Clock.systemUTC());
	}

	PersonTokenVerifier(OidcProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_CACHE_SIZE).expireAfterWrite(VERIFIED_CACHE_TTL).build();
		int timeoutMillis = (int) properties.timeout().toMillis();
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
			.responseTimeout(properties.timeout());
		this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		// cache the decoder once built, but never a failure: the next token retries discovery
		this.decoder = Mono.defer(this::jwkSetUri)
			.map(this::decoder)
			.cache(ok -> Duration.ofMillis(Long.MAX_VALUE), failure -> Duration.ZERO, () -> Duration.ZERO);
		if (isBlank(properties.issuerUri()) && isBlank(properties.jwkSetUri())) {
			log.warn("No OIDC issuer configured (grassroots.gateway.oidc.issuer-uri): every person token will be "
					+ "rejected");
		}
	}

	/** The token's claims, or a problem: 401 for a bad token, 503 when the issuer cannot be reached. */
	public Mono<Map<String, Object>> verify(String token) {
		Map<String, Object> claims = verified.getIfPresent(token);
		if (claims != null) {
			if (notExpired(claims)) {
				return Mono.just(claims);
			}
			verified.invalidate(token);
			return Mono.error(ProblemException.of(ProblemType.INVALID_TOKEN));
		}
		return decoder.flatMap(d -> d.decode(token))
			.map(Jwt::getClaims)
			.doOnNext(verifiedClaims -> verified.put(token, verifiedClaims))
			.onErrorMap(this::toProblem);
	}

	/** The decoder's own rule ({@code exp} required, skew allowed), applied to a token verified earlier. */
	private boolean notExpired(Map<String, Object> claims) {
		return claims.get(JwtClaimNames.EXP) instanceof Instant expiry
				&& clock.instant().minus(properties.clockSkew()).isBefore(expiry);
	}

	private Throwable toProblem(Throwable ex) {
		if (ex instanceof ProblemException) {
			return ex;
		}
		if (!(ex instanceof BadJwtException) && (hasCause(ex, WebClientException.class) || hasCause(ex, IOException.class))) {
			log.warn("Cannot reach the OIDC issuer to verify a token: {}", ex.toString());
			return ProblemException.of(ProblemType.IDENTITY_PROVIDER_UNAVAILABLE);
		}
		return ProblemException.of(ProblemType.INVALID_TOKEN);
	}

	private Mono<String> jwkSetUri() {
		if (!isBlank(properties.jwkSetUri())) {
			return Mono.just(properties.jwkSetUri());
		}
		if (isBlank(properties.issuerUri())) {
			return Mono.error(ProblemException.of(ProblemType.INVALID_TOKEN));
		}
		String issuer = properties.issuerUri();
		String discovery = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
				+ "/.well-known/openid-configuration";
		return webClient.get()
			.uri(discovery)
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.map(configuration -> {
				if (!issuer.equals(configuration.get("issuer"))) {
					throw new IllegalStateException("The OIDC discovery document names issuer "
							+ configuration.get("issuer") + ", expected " + issuer);
				}
				Object jwksUri = configuration.get("jwks_uri");
				if (!(jwksUri instanceof String uri) || uri.isBlank()) {
					throw new IllegalStateException("The OIDC discovery document has no jwks_uri");
				}
				log.info("Discovered OIDC issuer {} with JWK set {}", issuer, uri);
				return uri;
			})
			.onErrorMap(ex -> !(ex instanceof ProblemException), ex -> {
				log.warn("OIDC discovery at {} failed: {}", discovery, ex.toString());
				return ProblemException.of(ProblemType.IDENTITY_PROVIDER_UNAVAILABLE);
			});
	}

	private ReactiveJwtDecoder decoder(String jwkSetUri) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
			.webClient(webClient)
			.jwsAlgorithms(algorithms -> {
				algorithms.clear();
				properties.jwsAlgorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
			})
			.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(properties.clockSkew()));
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
		if (!isBlank(properties.issuerUri())) {
			validators.add(new JwtIssuerValidator(properties.issuerUri()));
		}
		if (!properties.audiences().isEmpty()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					aud -> aud != null && aud.stream().anyMatch(properties.audiences()::contains)));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
