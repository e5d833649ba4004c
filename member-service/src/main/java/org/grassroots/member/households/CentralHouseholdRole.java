package org.grassroots.member.households;

/** The five roles of a central household (党员中心户五大员). */
public enum CentralHouseholdRole {

	POLICY_PROMOTER("政策宣讲员"), OPINION_COLLECTOR("民情收集员"), SERVICE_DOER("为民办事员"),
	DISPUTE_MEDIATOR("矛盾调解员"), HARDSHIP_HELPER("困难帮扶员");

	private final String label;

	CentralHouseholdRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
