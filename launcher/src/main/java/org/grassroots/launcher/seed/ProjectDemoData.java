package org.grassroots.launcher.seed;

/**
 * Demo data of project-service: social organizations and venture contests. Nothing yet: its domain API arrives in a later issue, and its demo
 * records are added here with it.
 */
final class ProjectDemoData implements DemoData {

	@Override
	public String describe() {
		return "social organizations and venture contests";
	}

	@Override
	public void seed(TenantSession session) {
		// no domain API yet
	}

}
