package org.grassroots.member.organizations;

public enum OrganizationStatus {

	ACTIVE, DISSOLVED

}
