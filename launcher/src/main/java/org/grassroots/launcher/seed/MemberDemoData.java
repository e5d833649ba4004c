package org.grassroots.launcher.seed;

/**
 * Demo data of member-service: party organizations and central households. Nothing yet: its domain API arrives in a later issue, and its demo
 * records are added here with it.
 */
final class MemberDemoData implements DemoData {

	@Override
	public String describe() {
		return "party organizations and central households";
	}

	@Override
	public void seed(TenantSession session) {
		// no domain API yet
	}

}
