package org.grassroots.member.members;

/** ACTIVE in the district; TRANSFERRED_OUT of it (history kept); DECEASED. */
public enum MemberStatus {

	ACTIVE, TRANSFERRED_OUT, DECEASED

}
