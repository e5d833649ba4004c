package org.grassroots.gateway.invalidation;

/**
 * A cached platform record that changed and must be dropped from every replica's cache.
 * @param kind what changed ({@code client} or {@code tenant})
 * @param id its id (client UUID or district code)
 */
public record Invalidation(String kind, String id) {

	public static final String CLIENT = "client";

	public static final String TENANT = "tenant";

	public static Invalidation client(String id) {
		return new Invalidation(CLIENT, id);
	}

	public static Invalidation tenant(String code) {
		return new Invalidation(TENANT, code);
	}

	/** Wire form on the channel: {@code kind:id}. */
	public String encode() {
		return kind + ":" + id;
	}

	/** Parses the wire form; {@code null} for anything else (other publishers may share the channel). */
	public static Invalidation decode(String message) {
		if (message == null) {
			return null;
		}
		int colon = message.indexOf(':');
		if (colon <= 0 || colon == message.length() - 1) {
			return null;
		}
		return new Invalidation(message.substring(0, colon), message.substring(colon + 1));
	}

}
