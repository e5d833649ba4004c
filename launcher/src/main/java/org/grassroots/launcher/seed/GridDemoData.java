package org.grassroots.launcher.seed;

/**
 * Demo data of grid-service: grids, households and cases. Nothing yet: its domain API arrives in a later issue, and its demo
 * records are added here with it.
 */
final class GridDemoData implements DemoData {

	@Override
	public String describe() {
		return "grids, households and cases";
	}

	@Override
	public void seed(TenantSession session) {
		// no domain API yet
	}

}
