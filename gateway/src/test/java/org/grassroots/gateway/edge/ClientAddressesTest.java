package org.grassroots.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

	@Test
	void withoutTrustedProxiesForwardedForIsIgnored() throws UnknownHostException {
		ClientAddresses addresses = addresses(List.of());
		assertThat(addresses.resolve(ip("198.51.100.7"), List.of("10.1.2.3"))).isEqualTo(ip("198.51.100.7"));
	}

	@Test
	void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() throws UnknownHostException {
		ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));
		// client 203.0.113.5 -> proxy 10.0.0.2 -> ingress 10.0.0.1 -> gateway
		assertThat(addresses.resolve(ip("10.0.0.1"), List.of("203.0.113.5, 10.0.0.2"))).isEqualTo(ip("203.0.113.5"));
		assertThat(addresses.resolve(ip("10.0.0.1"), List.of("203.0.113.5", "10.0.0.2"))).isEqualTo(ip("203.0.113.5"));
		// a forged leftmost entry does not win over the hop the proxy actually saw
		assertThat(addresses.resolve(ip("10.0.0.1"), List.of("1.1.1.1, 203.0.113.5"))).isEqualTo(ip("203.0.113.5"));
	}

	@Test
	void anUntrustedPeerCannotChooseItsAddress() throws UnknownHostException {
		ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));
		assertThat(addresses.resolve(ip("198.51.100.7"), List.of("10.9.9.9"))).isEqualTo(ip("198.51.100.7"));
	}

	@Test
	void garbageInForwardedForStopsTheWalk() throws UnknownHostException {
		ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));
		assertThat(addresses.resolve(ip("10.0.0.1"), List.of("evil.example, 10.0.0.3"))).isEqualTo(ip("10.0.0.3"));
		assertThat(addresses.resolve(ip("10.0.0.1"), List.of())).isEqualTo(ip("10.0.0.1"));
	}

	private static ClientAddresses addresses(List<String> trusted) {
		return new ClientAddresses(new EdgeProperties(DataSize.ofMegabytes(1), trusted, new EdgeProperties.Cors(List.of())));
	}

	private static InetAddress ip(String literal) throws UnknownHostException {
		return InetAddress.getByName(literal);
	}

}
