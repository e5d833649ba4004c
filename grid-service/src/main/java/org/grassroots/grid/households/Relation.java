package org.grassroots.grid.households;

/** A resident's relation to the head of the household. */
public enum Relation {

	HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, TENANT, OTHER

}
