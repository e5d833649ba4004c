package org.grassroots.volunteer.volunteers;

/** Whether a volunteer can be assigned to activities. */
public enum VolunteerStatus {

	ACTIVE, SUSPENDED, LEFT

}
