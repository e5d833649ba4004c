package org.grassroots.gateway.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.grassroots.gateway.routing.DownstreamServices;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the index of API documents and proxies each service's {@code /v3/api-docs} under
 * {@code /v3/api-docs/{service}}, with the service's circuit breaker and the route timeouts. The proxied
 * document's {@code servers} is rewritten to the gateway, which is where callers reach it.
 */
@Component
public class ServiceApiDocs {

	static final String GATEWAY_GROUP = "gateway";

	private final Map<String, URI> services;

	private final WebClient webClient;

	private final ReactiveCircuitBreakerFactory<?, ?> circuitBreakers;

	private final JsonMapper json;

	public ServiceApiDocs(DownstreamServices downstream, ReactiveCircuitBreakerFactory<?, ?> circuitBreakers,
			JsonMapper json) {
		Map<String, URI> urls = new TreeMap<>();
		downstream.services().forEach((name, service) -> urls.put(name, service.url()));
		this.services = Collections.unmodifiableMap(urls);
		this.circuitBreakers = circuitBreakers;
		this.json = json;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
			.responseTimeout(Duration.ofSeconds(10));
		this.webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build();
	}

	public boolean isService(String name) {
		return services.containsKey(name);
	}

	/** {@code {"urls": [{"name", "url"}]}}: the shape Swagger UI takes for a list of documents. */
	public Mono<ServerResponse> index() {
		List<Map<String, String>> urls = new ArrayList<>();
		urls.add(Map.of("name", GATEWAY_GROUP, "url", "/v3/api-docs/" + GATEWAY_GROUP));
		services.keySet().forEach(name -> urls.add(Map.of("name", name, "url", "/v3/api-docs/" + name)));
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("urls", urls));
	}

	public Mono<ServerResponse> document(String service) {
		URI base = services.get(service);
		Mono<String> fetch = webClient.get()
			.uri(base.resolve("/v3/api-docs"))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(String.class);
		return circuitBreakers.create(service)
			.run(fetch, failure -> Mono.error(ProblemException.of(ProblemType.SERVICE_UNAVAILABLE,
					"service-unavailable.detail.unreachable", service)))
			.map(this::pointServersAtGateway)
			.flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body));
	}

	private String pointServersAtGateway(String document) {
		JsonNode root = json.readTree(document);
		if (root instanceof ObjectNode object) {
			object.set("servers", json.createArrayNode().add(json.createObjectNode().put("url", "/")));
			return json.writeValueAsString(object);
		}
		return document;
	}

}
