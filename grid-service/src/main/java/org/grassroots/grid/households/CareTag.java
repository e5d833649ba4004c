package org.grassroots.grid.households;

/** Who needs attention: elderly living alone, disability, low income, rental, key person (重点人员). */
public enum CareTag {

	ELDERLY_ALONE, DISABILITY, LOW_INCOME, RENTAL, KEY_PERSON

}
