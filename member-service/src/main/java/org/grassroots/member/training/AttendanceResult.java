package org.grassroots.member.training;

/** How many attendances were new and how many were already recorded. */
public record AttendanceResult(int recorded, int alreadyRecorded) {
}
