package org.grassroots.member.worklogs;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.member.households.CentralHousehold;
import org.grassroots.member.households.CentralHouseholdService;
import org.grassroots.member.households.CentralHouseholdStatus;
import org.grassroots.member.support.Access;
import org.grassroots.member.support.TenantClock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work logs: written by the central household itself or its community's staff; grid cases credited by events. */
@Service
public class WorkLogService {

	private final WorkLogRepository logs;

	private final CentralHouseholdService centralHouseholds;

	private final TenantClock clock;

	WorkLogService(WorkLogRepository logs, CentralHouseholdService centralHouseholds, TenantClock clock) {
		this.logs = logs;
		this.centralHouseholds = centralHouseholds;
		this.clock = clock;
	}

	@Transactional
	public WorkLog create(Caller caller, NewWorkLog request) {
		caller.requireAnyRole(Access.staffAnd(Roles.PARTY_MEMBER));
		if (request.kind() == WorkKind.CASE_HELP) {
			throw DomainProblem.invalidField("kind", "case-help-from-grid");
		}
		LocalDate today = clock.today();
		if (request.occurredOn().isAfter(today)) {
			throw DomainProblem.invalidField("occurredOn", "date-in-future");
		}
		if (request.occurredOn().isBefore(today.minusYears(2))) {
			throw DomainProblem.invalidField("occurredOn", "date-too-old");
		}
		CentralHousehold ch = centralHouseholds.requireActing(caller, request.centralHouseholdId());
		if (ch.status() != CentralHouseholdStatus.ACTIVE) {
			throw DomainProblem.conflict("central-household-revoked");
		}
		List<UUID> households = request.householdIds() == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(request.householdIds()));
		if (!households.isEmpty()) {
			List<UUID> notLinked = logs.notLinked(ch.id(), households);
			if (!notLinked.isEmpty()) {
				throw new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "household-not-linked",
						notLinked.stream().map(UUID::toString).limit(10).reduce((a, b) -> a + ", " + b).orElse(""));
			}
		}
		return logs.insert(caller.tenant(), UUID.randomUUID(), request, households, caller.subject());
	}

	/**
	 * One central household's log (the member, staff and grid staff of its region), or, without
	 * {@code centralHouseholdId}, every log in the staff caller's region.
	 */
	@Transactional(readOnly = true)
	public Page<WorkLog> list(Caller caller, UUID centralHouseholdId, WorkKind kind, LocalDate from, LocalDate to,
			Integer limit, String cursor) {
		String prefix = null;
		if (centralHouseholdId != null) {
			centralHouseholds.requireReadable(caller, centralHouseholdId);
		}
		else {
			caller.requireAnyRole(Access.STAFF);
			prefix = Access.tenantWide(caller) ? null : caller.scopePrefix();
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw DomainProblem.invalidField("from", "date-range");
		}
		int size = Cursor.limit(limit);
		return Page.of(logs.page(centralHouseholdId, prefix, kind, from, to, Cursor.after(cursor, LocalDate::parse), size + 1),
				size, w -> new Cursor.Keyset<>(w.occurredOn(), w.id()).encode());
	}
}
