package org.grassroots.defaults.events;

/**
 * Consumes one stream in its own consumer group. Each event reaches {@link #handle} at most once per handler
 * with effect: the runner records the event id in the inbox in the same transaction (tenant set from the
 * envelope), and acknowledges the stream entry after commit.
 */
public interface EventHandler {

	/** The consumer group, unique per handler, e.g. {@code member-service.case-closed-credit}. */
	String group();

	/** The stream to read, see {@link EventStreams#of(String)}. */
	String stream();

	/** Whether this handler wants events of the type; others are acknowledged and skipped. */
	default boolean accepts(String type) {
		return true;
	}

	/** Runs inside a transaction whose tenant is the event's. Throw to have it redelivered later. */
	void handle(EventEnvelope event);
}
