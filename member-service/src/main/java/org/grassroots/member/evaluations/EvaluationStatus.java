package org.grassroots.member.evaluations;

/** OPEN → COMMUNITY_SCORED → STREET_SCORED → FINALIZED. */
public enum EvaluationStatus {

	OPEN, COMMUNITY_SCORED, STREET_SCORED, FINALIZED

}
