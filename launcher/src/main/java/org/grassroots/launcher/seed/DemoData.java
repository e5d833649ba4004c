package org.grassroots.launcher.seed;

/**
 * One service's demo records for a demo tenant, created through the gateway with that tenant's demo people.
 * Implementations must be idempotent (the launcher seeds on every start; a reused data directory already has the
 * records) and must tolerate an API that does not exist yet (skip it, saying so): services gain their APIs over
 * time and each one's demo data grows with it.
 */
public interface DemoData {

	/** For the log: what this seeds, e.g. "volunteers". */
	String describe();

	void seed(TenantSession session);

}
