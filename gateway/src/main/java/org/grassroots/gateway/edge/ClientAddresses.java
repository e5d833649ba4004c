package org.grassroots.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.grassroots.gateway.clients.CidrBlock;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client's IP address: the connection's peer, unless that peer is a configured trusted proxy, in which case
 * the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. Without trusted proxies the
 * header is ignored, so a caller cannot choose its own address.
 */
@Component
public class ClientAddresses {

	private final List<CidrBlock> trustedProxies;

	public ClientAddresses(EdgeProperties properties) {
		this.trustedProxies = properties.trustedProxies().stream().map(CidrBlock::parse).toList();
	}

	public InetAddress resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = remote != null ? remote.getAddress() : null;
		return resolve(peer, request.getHeaders().getOrEmpty("X-Forwarded-For"));
	}

	InetAddress resolve(InetAddress peer, List<String> forwardedForHeaders) {
		if (peer == null || trustedProxies.isEmpty() || !isTrusted(peer)) {
			return peer;
		}
		// one header or several, each a comma-separated list; the order of hops is kept
		List<String> forwardedFor = forwardedForHeaders.stream()
			.flatMap(value -> Arrays.stream(value.split(",")))
			.map(String::strip)
			.filter(hop -> !hop.isEmpty())
			.toList();
		InetAddress client = peer;
		// walk from the closest hop outwards; stop at the first address we did not get from a trusted proxy
		for (int i = forwardedFor.size() - 1; i >= 0; i--) {
			InetAddress hop = parse(forwardedFor.get(i));
			if (hop == null) {
				return client;
			}
			client = hop;
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return client;
	}

	private boolean isTrusted(InetAddress address) {
		return trustedProxies.stream().anyMatch(block -> block.contains(address));
	}

	private static InetAddress parse(String value) {
		try {
			return InetAddress.getByAddress(CidrBlock.literal(value.strip()));
		}
		catch (IllegalArgumentException | UnknownHostException ex) {
			return null;
		}
	}

}
