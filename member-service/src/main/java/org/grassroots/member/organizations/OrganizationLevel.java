package org.grassroots.member.organizations;

/**
 * The levels of the party organization tree: committee (党委), general branch (党总支), branch (党支部), group
 * (党小组). Committees nest (district → street → community committee); a general branch sits under a
 * committee; a branch under a committee or a general branch; a group only inside a branch.
 */
public enum OrganizationLevel {

	COMMITTEE, GENERAL_BRANCH, BRANCH, GROUP;

	public boolean mayContain(OrganizationLevel child) {
		switch (this) {
			case COMMITTEE:
				return child != GROUP;
			case GENERAL_BRANCH:
				return child == BRANCH;
			case BRANCH:
				return child == GROUP;
			default:
				return false;
		}
	}

	/** Where members' organizational relationship may be kept (组织关系在支部或党总支). */
	public boolean holdsMembers() {
		return this == BRANCH || this == GENERAL_BRANCH;
	}
}
