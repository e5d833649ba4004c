package org.grassroots.defaults.events;

/** Stream names: one platform-wide stream per emitting service; every message names its tenant. */
public final class EventStreams {

	private EventStreams() {
	}

	public static String of(String service) {
		return "grassroots:events:" + service;
	}

	public static final String DEAD_LETTERS = "grassroots:events:dead-letters";
}
