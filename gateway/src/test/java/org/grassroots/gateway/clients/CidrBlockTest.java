package org.grassroots.gateway.clients;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrBlockTest {

	@Test
	void ipv4Networks() throws UnknownHostException {
		CidrBlock block = CidrBlock.parse("10.0.0.0/8");
		assertThat(block.contains(InetAddress.getByName("10.255.1.2"))).isTrue();
		assertThat(block.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
		assertThat(CidrBlock.parse("192.168.1.0/24").contains(InetAddress.getByName("192.168.1.77"))).isTrue();
		assertThat(CidrBlock.parse("192.168.1.0/24").contains(InetAddress.getByName("192.168.2.1"))).isFalse();
		assertThat(CidrBlock.parse("172.16.0.0/12").contains(InetAddress.getByName("172.31.255.255"))).isTrue();
		assertThat(CidrBlock.parse("172.16.0.0/12").contains(InetAddress.getByName("172.32.0.0"))).isFalse();
		assertThat(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
	}

	@Test
	void bareAddressesAreSingleHostsAndHostBitsAreCleared() throws UnknownHostException {
		assertThat(CidrBlock.parse("203.0.113.9").toString()).isEqualTo("203.0.113.9/32");
		assertThat(CidrBlock.parse("203.0.113.9").contains(InetAddress.getByName("203.0.113.10"))).isFalse();
		assertThat(CidrBlock.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
		assertThat(CidrBlock.parse("10.1.2.3/8")).isEqualTo(CidrBlock.parse("10.0.0.0/8"));
	}

	@Test
	void ipv6NetworksAndMappedIpv4() throws UnknownHostException {
		CidrBlock block = CidrBlock.parse("2001:db8::/32");
		assertThat(block.contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
		assertThat(block.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
		assertThat(block.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
		assertThat(CidrBlock.parse("::1").contains(InetAddress.getByName("::1"))).isTrue();
		// an IPv4 client seen on a dual-stack socket
		assertThat(CidrBlock.parse("10.0.0.0/8").contains(InetAddress.getByAddress(
				new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3 }))).isTrue();
	}

	@Test
	void onlyLiteralsAreAccepted() {
		for (String text : List.of("example.com", "10.0.0.0/33", "::/129", "256.1.1.1", "010.0.0.1", "10.0.0.0/x",
				"1.2.3", "", " ", "10.0.0.0/-1", "fe80::1%eth0")) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> CidrBlock.parse(text));
		}
	}

	@Test
	void emptyAllowListAllowsEverything() throws UnknownHostException {
		assertThat(IpAllowList.parse(List.of()).permits(InetAddress.getByName("1.2.3.4"))).isTrue();
		IpAllowList list = IpAllowList.parse(List.of("10.0.0.0/8", "192.0.2.1"));
		assertThat(list.permits(InetAddress.getByName("192.0.2.1"))).isTrue();
		assertThat(list.permits(InetAddress.getByName("192.0.2.2"))).isFalse();
		assertThat(list.permits(null)).isFalse();
	}

}
