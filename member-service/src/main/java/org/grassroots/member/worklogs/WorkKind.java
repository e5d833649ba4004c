package org.grassroots.member.worklogs;

/**
 * What a central household did: a visit (走访), opinions collected (民情收集), a dispute mediated (矛盾调解), help
 * given (困难帮扶, 为民办事), or help in a grid case (credited from grid-service when the case closes).
 */
public enum WorkKind {

	VISIT, OPINION_COLLECTED, DISPUTE_MEDIATED, HELP_GIVEN, CASE_HELP

}
