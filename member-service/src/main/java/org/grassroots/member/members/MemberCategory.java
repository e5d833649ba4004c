package org.grassroots.member.members;

/** Regular (普通), in-service (在职, registers at the residential community), mobile (流动), retired (离退休). */
public enum MemberCategory {

	REGULAR, IN_SERVICE, MOBILE, RETIRED

}
