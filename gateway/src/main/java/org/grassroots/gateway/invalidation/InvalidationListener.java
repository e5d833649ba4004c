package org.grassroots.gateway.invalidation;

/**
 * A local cache that drops entries when the {@link InvalidationBus} reports a change.
 */
public interface InvalidationListener {

	void invalidate(Invalidation invalidation);

	/** Drops everything: called when the bus (re)connects, since messages sent meanwhile may be lost. */
	void invalidateAll();

}
