package org.grassroots.center.centers;

/** Whether a center serves people: only ACTIVE centers appear on the public map and count for coverage. */
public enum CenterStatus {

	PLANNED, ACTIVE, SUSPENDED, CLOSED

}
