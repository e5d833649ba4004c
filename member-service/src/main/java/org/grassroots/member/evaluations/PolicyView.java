package org.grassroots.member.evaluations;

/** A year's policy and whether it was set by the district ({@code standard} = the defaults apply). */
public record PolicyView(int year, EvaluationPolicy policy, boolean standard, boolean locked, long version) {
}
