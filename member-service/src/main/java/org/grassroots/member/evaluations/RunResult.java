package org.grassroots.member.evaluations;

/** What a computation or finalization did: rows affected, and rows not ready (finalization only). */
public record RunResult(int year, int affected, int notReady) {
}
