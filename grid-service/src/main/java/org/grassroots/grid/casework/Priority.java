package org.grassroots.grid.casework;

/** How urgent a case is; with its category it decides the SLA deadline. */
public enum Priority {

	LOW, NORMAL, HIGH, URGENT

}
