package org.grassroots.gateway.clients;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a bare address is a
 * single-host network. Parsing accepts literals only, never host names (no DNS lookups on the request path).
 * Host bits beyond the prefix are cleared, so {@code 10.1.2.3/8} means {@code 10.0.0.0/8}.
 */
public final class CidrBlock {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

	private final byte[] network;

	private final int prefixLength;

	private CidrBlock(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/** Parses a block; throws {@link IllegalArgumentException} for anything that is not an IP literal. */
	public static CidrBlock parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("empty address");
		}
		String value = text.strip();
		int slash = value.indexOf('/');
		String address = slash < 0 ? value : value.substring(0, slash);
		byte[] bytes = literal(address);
		int maxPrefix = bytes.length * 8;
		int prefix = maxPrefix;
		if (slash >= 0) {
			String length = value.substring(slash + 1);
			if (!length.matches("\\d{1,3}")) {
				throw new IllegalArgumentException("bad prefix length: " + text);
			}
			prefix = Integer.parseInt(length);
			if (prefix > maxPrefix) {
				throw new IllegalArgumentException("prefix length out of range: " + text);
			}
		}
		return new CidrBlock(mask(bytes, prefix), prefix);
	}

	/** An IP literal as bytes (IPv4-mapped IPv6 addresses become IPv4); throws for anything else. */
	public static byte[] literal(String address) {
		boolean v4 = IPV4.matcher(address).matches();
		boolean v6 = !v4 && address.indexOf(':') >= 0 && IPV6.matcher(address).matches();
		if (!v4 && !v6) {
			throw new IllegalArgumentException("not an IP address: " + address);
		}
		if (v4) {
			String[] parts = address.split("\\.");
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				int octet = Integer.parseInt(parts[i]);
				// leading zeros are ambiguous (octal to some parsers): refuse them
				if (octet > 255 || (parts[i].length() > 1 && parts[i].charAt(0) == '0')) {
					throw new IllegalArgumentException("not an IP address: " + address);
				}
				bytes[i] = (byte) octet;
			}
			return bytes;
		}
		try {
			// a literal never triggers a lookup
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not an IP address: " + address, ex);
		}
	}

	public boolean contains(InetAddress address) {
		return address != null && contains(address.getAddress());
	}

	public boolean contains(byte[] address) {
		byte[] candidate = unmapIpv4(address);
		if (candidate.length != network.length) {
			return false;
		}
		return Arrays.equals(mask(candidate, prefixLength), network);
	}

	private static byte[] unmapIpv4(byte[] address) {
		if (address.length == 16) {
			for (int i = 0; i < 10; i++) {
				if (address[i] != 0) {
					return address;
				}
			}
			if ((address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff) {
				return Arrays.copyOfRange(address, 12, 16);
			}
		}
		return address;
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] result = address.clone();
		for (int i = 0; i < result.length; i++) {
			int bits = Math.max(0, Math.min(8, prefix - i * 8));
			int keep = bits == 0 ? 0 : (0xff << (8 - bits)) & 0xff;
			result[i] = (byte) (result[i] & keep);
		}
		return result;
	}

	/** Canonical text, e.g. {@code 10.0.0.0/8}. */
	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CidrBlock block && block.prefixLength == prefixLength
				&& Arrays.equals(block.network, network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(network) + prefixLength;
	}

}
