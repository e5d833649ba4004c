package org.grassroots.member.households;

public enum CentralHouseholdStatus {

	ACTIVE, REVOKED

}
