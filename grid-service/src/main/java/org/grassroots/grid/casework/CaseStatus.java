package org.grassroots.grid.casework;

/**
 * The closed loop (民情收集—分析—处置—反馈—评议): REPORTED → ACCEPTED → DISPATCHED → RESOLVED → FEEDBACK → EVALUATED →
 * CLOSED. A rating of 2 or less sends an evaluated case back to ACCEPTED once.
 */
public enum CaseStatus {

	REPORTED, ACCEPTED, DISPATCHED, RESOLVED, FEEDBACK, EVALUATED, CLOSED;

	/** Still being worked on: the SLA clock and escalation apply. */
	public boolean open() {
		return this == REPORTED || this == ACCEPTED || this == DISPATCHED;
	}
}
