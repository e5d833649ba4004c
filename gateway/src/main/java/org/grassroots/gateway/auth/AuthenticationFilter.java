package org.grassroots.gateway.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.clients.ApiKeyVerifier;
import org.grassroots.gateway.edge.BodySizeLimitFilter;
import org.grassroots.gateway.edge.ClientAddresses;
import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.grassroots.gateway.tenants.TenantDirectory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authenticates every request to {@code /api/**} and {@code /open311/**} and records the {@link Caller}:
 * <ul>
 * <li>{@code Authorization: Bearer} — a person's OIDC token; their district must exist and be active (a
 * platform operator may have none);</li>
 * <li>{@code X-API-Key} (on Open311 also the {@code api_key} query or form parameter) — an integrator client,
 * checked against its status, IP allow-list and district;</li>
 * <li>no credential — anonymous, only for {@code GET /api/v1/public/{tenant}/**} and Open311 {@code GET}s with
 * {@code jurisdiction_id}, and only for an active district.</li>
 * </ul>
 * On every path it first strips the caller's credentials and any internal header a client might forge; the
 * internal token is added later, for routed requests only.
 */
@Component
public class AuthenticationFilter implements WebFilter, Ordered {

	public static final int ORDER = BodySizeLimitFilter.ORDER + 100;

	static final String API_KEY_HEADER = "X-API-Key";

	static final String API_KEY_PARAMETER = "api_key";

	private static final List<String> INTERNAL_HEADER_PREFIXES = List.of("x-grassroots-", "x-tenant-", "x-internal-");

	private static final Pattern PUBLIC_PATH = Pattern.compile("^/api/v1/public/([^/]+)(/.*)?$");

	private static final String REALM = "realm=\"grassroots\"";

	private final PersonTokenVerifier personTokens;

	private final OidcProperties oidc;

	private final ApiKeyVerifier apiKeys;

	private final TenantDirectory tenants;

	private final ClientAddresses clientAddresses;

	public AuthenticationFilter(PersonTokenVerifier personTokens, OidcProperties oidc, ApiKeyVerifier apiKeys,
			TenantDirectory tenants, ClientAddresses clientAddresses) {
		this.personTokens = personTokens;
		this.oidc = oidc;
		this.apiKeys = apiKeys;
		this.tenants = tenants;
		this.clientAddresses = clientAddresses;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		boolean open311 = path.equals("/open311/v2") || path.startsWith("/open311/v2/");
		String bearer = bearerToken(request.getHeaders());
		String apiKey = request.getHeaders().getFirst(API_KEY_HEADER);
		if (apiKey == null && open311) {
			apiKey = request.getQueryParams().getFirst(API_KEY_PARAMETER);
		}
		ServerWebExchange sanitized = exchange.mutate().request(sanitize(request, open311)).build();
		if (!isProtected(path)) {
			return chain.filter(sanitized);
		}
		if (bearer != null && apiKey != null) {
			return Mono.error(ProblemException.of(ProblemType.BAD_REQUEST, "bad-request.detail.two-credentials"));
		}
		if (bearer != null) {
			return proceed(authenticatePerson(bearer), sanitized, chain);
		}
		if (apiKey != null) {
			return proceed(authenticateIntegrator(apiKey, request), sanitized, chain);
		}
		if (open311 && isForm(request)) {
			return withFormApiKey(sanitized).flatMap(form -> form.apiKey() == null
					? authenticateAnonymous(path, request).flatMap(caller -> proceed(Mono.just(caller), form.exchange(), chain))
					: proceed(authenticateIntegrator(form.apiKey(), request), form.exchange(), chain));
		}
		return proceed(authenticateAnonymous(path, request), sanitized, chain);
	}

	private Mono<Void> proceed(Mono<Caller> authentication, ServerWebExchange exchange, WebFilterChain chain) {
		return authentication.flatMap(caller -> {
			exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
			return chain.filter(exchange).contextWrite(context -> TenantLogContext.with(context, caller.tenant()));
		});
	}

	private Mono<Caller> authenticatePerson(String token) {
		return personTokens.verify(token).map(claims -> {
			try {
				return PersonClaims.toCaller(claims, oidc);
			}
			catch (InvalidClaimsException ex) {
				throw invalidToken("token-invalid.detail.claims", ex.claim());
			}
		}).onErrorMap(ProblemException.class, this::withChallenge).flatMap(caller -> {
			if (caller.tenant() == null) {
				// only platform operators get here without a tenant (PersonClaims enforces it)
				return Mono.just(caller);
			}
			return tenants.findActive(caller.tenant())
				.map(tenant -> caller)
				.switchIfEmpty(Mono.error(() -> ProblemException.of(ProblemType.TENANT_UNAVAILABLE)));
		});
	}

	private Mono<Caller> authenticateIntegrator(String key, ServerHttpRequest request) {
		InetAddress address = clientAddresses.resolve(request);
		return apiKeys.verify(key)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(ProblemType.INVALID_API_KEY)
				.withHeaders(challenge("ApiKey " + REALM))))
			.flatMap(verified -> {
				if (!verified.allowList().permits(address)) {
					return Mono.error(ProblemException.of(ProblemType.IP_NOT_ALLOWED));
				}
				var client = verified.client();
				return tenants.findActive(client.tenantId())
					.map(tenant -> Caller.integrator(client.id(), client.tenantId(), client.scopes(),
							client.rateLimitPerMinute()))
					.switchIfEmpty(Mono.error(() -> ProblemException.of(ProblemType.TENANT_UNAVAILABLE)));
			});
	}

	private Mono<Caller> authenticateAnonymous(String path, ServerHttpRequest request) {
		String tenant = null;
		if (HttpMethod.GET.equals(request.getMethod())) {
			Matcher publicPath = PUBLIC_PATH.matcher(path);
			if (publicPath.matches()) {
				tenant = publicPath.group(1);
			}
			else if (path.startsWith("/open311/v2")) {
				tenant = request.getQueryParams().getFirst("jurisdiction_id");
			}
		}
		if (tenant == null && HttpMethod.GET.equals(request.getMethod()) && path.startsWith("/open311/v2")) {
			// an Open311 read names its district or brings a key; the spec calls the former a missing parameter
			return Mono.error(ProblemException.of(ProblemType.BAD_REQUEST, "bad-request.detail.jurisdiction"));
		}
		if (tenant == null) {
			return Mono.error(ProblemException.of(ProblemType.UNAUTHORIZED)
				.withHeaders(challenge("Bearer " + REALM, "ApiKey " + REALM)));
		}
		String code = tenant;
		return tenants.findActive(code)
			.map(active -> Caller.anonymous(code))
			.switchIfEmpty(Mono.error(() -> ProblemException.of(ProblemType.TENANT_NOT_FOUND)));
	}

	private ProblemException invalidToken(String detailKey, Object... arguments) {
		return ProblemException.of(ProblemType.INVALID_TOKEN, detailKey, arguments);
	}

	private ProblemException withChallenge(ProblemException problem) {
		if (problem.type() == ProblemType.INVALID_TOKEN) {
			return problem.withHeaders(challenge("Bearer " + REALM + ", error=\"invalid_token\""));
		}
		return problem;
	}

	private static HttpHeaders challenge(String... challenges) {
		HttpHeaders headers = new HttpHeaders();
		for (String value : challenges) {
			headers.add(HttpHeaders.WWW_AUTHENTICATE, value);
		}
		return headers;
	}

	static boolean isProtected(String path) {
		return path.equals("/api") || path.startsWith("/api/") || path.equals("/open311") || path.startsWith("/open311/");
	}

	private static String bearerToken(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.length() < 7
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = authorization.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	/**
	 * Removes the caller's credentials and every header that only the gateway may set. The {@code api_key} query
	 * parameter goes too, so the key never reaches a service or its access log.
	 */
	static ServerHttpRequest sanitize(ServerHttpRequest request, boolean open311) {
		ServerHttpRequest.Builder builder = request.mutate().headers(headers -> {
			List<String> forged = new ArrayList<>();
			for (String name : headers.headerNames()) {
				String lower = name.toLowerCase(Locale.ROOT);
				if (INTERNAL_HEADER_PREFIXES.stream().anyMatch(lower::startsWith)) {
					forged.add(name);
				}
			}
			forged.forEach(headers::remove);
			headers.remove(API_KEY_HEADER);
			headers.remove(HttpHeaders.AUTHORIZATION);
		});
		if (open311 && request.getQueryParams().containsKey(API_KEY_PARAMETER)) {
			URI uri = UriComponentsBuilder.fromUri(request.getURI())
				.replaceQueryParam(API_KEY_PARAMETER)
				.build(true)
				.toUri();
			builder.uri(uri);
		}
		return builder.build();
	}

	private static boolean isForm(ServerHttpRequest request) {
		MediaType type = request.getHeaders().getContentType();
		return !HttpMethod.GET.equals(request.getMethod()) && type != null
				&& MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type);
	}

	/**
	 * Reads an Open311 form body (already bounded by the body size limit) for its {@code api_key} and hands the
	 * body on without that parameter.
	 */
	private static Mono<FormKey> withFormApiKey(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody())
			.map(buffer -> {
				try {
					return buffer.toString(StandardCharsets.UTF_8);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty("")
			.map(body -> {
				String apiKey = null;
				List<String> kept = new ArrayList<>();
				for (String pair : body.split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int equals = pair.indexOf('=');
					String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
					if (API_KEY_PARAMETER.equals(name)) {
						if (apiKey == null && equals >= 0) {
							apiKey = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
						}
					}
					else {
						kept.add(pair);
					}
				}
				byte[] remaining = String.join("&", kept).getBytes(StandardCharsets.UTF_8);
				ServerHttpRequest original = exchange.getRequest();
				ServerHttpRequest replayed = new ServerHttpRequestDecorator(
						original.mutate().headers(headers -> headers.setContentLength(remaining.length)).build()) {
					@Override
					public Flux<DataBuffer> getBody() {
						return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(remaining)));
					}
				};
				return new FormKey(apiKey, exchange.mutate().request(replayed).build());
			});
	}

	private record FormKey(String apiKey, ServerWebExchange exchange) {
	}

}
