package org.grassroots.center.rosters;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One staff member on duty at a center over {@code [startsAt, endsAt)}. */
public record DutyShift(UUID id, UUID centerId, String staffSubject, String staffName, String dutyRole,
		OffsetDateTime startsAt, OffsetDateTime endsAt, String note, String createdBy, OffsetDateTime createdAt) {
}
