package org.grassroots.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rejects request bodies above {@code grassroots.gateway.max-body-size} with 413: at once when
 * {@code Content-Length} says so, otherwise as soon as the streamed bytes pass the limit (chunked uploads).
 * Runs before authentication, which may read an Open311 form body.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

	public static final int ORDER = -200;

	private final long maxBytes;

	public BodySizeLimitFilter(EdgeProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > maxBytes) {
			return Mono.error(tooLarge());
		}
		ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> {
					AtomicLong seen = new AtomicLong();
					return super.getBody().map(buffer -> {
						if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
							DataBufferUtils.release(buffer);
							throw tooLarge();
						}
						return buffer;
					});
				});
			}
		};
		return chain.filter(exchange.mutate().request(limited).build());
	}

	private ProblemException tooLarge() {
		return ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, "payload-too-large.detail.limit", maxBytes);
	}

}
