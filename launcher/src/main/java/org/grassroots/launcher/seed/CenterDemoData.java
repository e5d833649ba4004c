package org.grassroots.launcher.seed;

/**
 * Demo data of center-service: centers, stations and their opening hours. Nothing yet: its domain API arrives in a later issue, and its demo
 * records are added here with it.
 */
final class CenterDemoData implements DemoData {

	@Override
	public String describe() {
		return "centers, stations and their opening hours";
	}

	@Override
	public void seed(TenantSession session) {
		// no domain API yet
	}

}
