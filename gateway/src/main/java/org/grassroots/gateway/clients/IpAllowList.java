package org.grassroots.gateway.clients;

import java.net.InetAddress;
import java.util.List;

/**
 * The networks an integrator client may call from. An empty list allows any address.
 */
public record IpAllowList(List<CidrBlock> blocks) {

	public static final IpAllowList ANY = new IpAllowList(List.of());

	public IpAllowList {
		blocks = List.copyOf(blocks);
	}

	public static IpAllowList parse(List<String> entries) {
		if (entries == null || entries.isEmpty()) {
			return ANY;
		}
		return new IpAllowList(entries.stream().map(CidrBlock::parse).toList());
	}

	public boolean permits(InetAddress address) {
		if (blocks.isEmpty()) {
			return true;
		}
		return address != null && blocks.stream().anyMatch(block -> block.contains(address));
	}

}
