package org.grassroots.defaults.security;

import java.util.Optional;

/**
 * The caller of the request being handled on this thread. Set by {@link InternalTokenFilter}, read by Feign's
 * token relay and by code that has no controller parameter at hand.
 */
public final class CallerHolder {

	private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

	private CallerHolder() {
	}

	public static Optional<Caller> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	static void set(Caller caller) {
		CURRENT.set(caller);
	}

	static void clear() {
		CURRENT.remove();
	}
}
