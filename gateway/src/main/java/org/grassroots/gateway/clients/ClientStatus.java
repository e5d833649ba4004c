package org.grassroots.gateway.clients;

/** An integrator client's key works while ACTIVE; revocation is final. */
public enum ClientStatus {

	ACTIVE, REVOKED

}
