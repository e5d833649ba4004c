package org.grassroots.center.rosters;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.grassroots.center.centers.Centers;
import org.grassroots.center.support.Access;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Duty rosters (值班表) of centers: staff of the center's region plan shifts; who is on duty now. */
@Service
public class RosterService {

	static final String RESOURCE = "值班";

	private final RosterRepository shifts;

	private final Centers centers;

	RosterService(RosterRepository shifts, Centers centers) {
		this.shifts = shifts;
		this.centers = centers;
	}

	@Transactional
	public DutyShift add(Caller caller, ShiftDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		centers.require(caller, draft.centerId());
		if (!draft.startsAt().isBefore(draft.endsAt())) {
			throw DomainProblem.invalidField("endsAt", "shift-time-order");
		}
		if (Duration.between(draft.startsAt(), draft.endsAt()).toHours() > 24) {
			throw DomainProblem.invalidField("endsAt", "shift-too-long");
		}
		return shifts.insert(caller.tenant(), UUID.randomUUID(), draft, caller.subject());
	}

	@Transactional
	public void remove(Caller caller, UUID id) {
		caller.requireAnyRole(Access.MANAGERS);
		DutyShift shift = shifts.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		centers.require(caller, shift.centerId());
		shifts.delete(id);
	}

	@Transactional(readOnly = true)
	public List<DutyShift> roster(Caller caller, UUID centerId, OffsetDateTime from, OffsetDateTime to) {
		caller.requireAnyRole(Access.READERS);
		centers.require(caller, centerId);
		OffsetDateTime start = from == null ? OffsetDateTime.now().minusDays(1) : from;
		OffsetDateTime end = to == null ? start.plusDays(8) : to;
		if (!end.isAfter(start) || Duration.between(start, end).toDays() > 62) {
			throw DomainProblem.invalidField("to", "roster-window");
		}
		return shifts.between(centerId, start, end);
	}

	/** Who is on duty at the center at this moment. */
	@Transactional(readOnly = true)
	public List<DutyShift> onDuty(Caller caller, UUID centerId) {
		caller.requireAnyRole(Access.READERS);
		centers.require(caller, centerId);
		OffsetDateTime now = OffsetDateTime.now();
		return shifts.between(centerId, now, now.plusNanos(1000));
	}
}
