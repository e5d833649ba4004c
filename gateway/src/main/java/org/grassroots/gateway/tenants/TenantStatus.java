package org.grassroots.gateway.tenants;

/** Whether a district is served. A suspended district's people and integrators are refused at the gateway. */
public enum TenantStatus {

	ACTIVE, SUSPENDED

}
