package org.grassroots.member.registrations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.member.members.MemberCategory;
import org.grassroots.member.members.MemberService;
import org.grassroots.member.members.MemberStatus;
import org.grassroots.member.members.MemberSummary;
import org.grassroots.member.support.Access;
import org.grassroots.defaults.security.Regions;
import org.grassroots.member.support.TenantClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dual registration: an in-service member reports to the community where they live, by themselves or through
 * that community's staff; the community lists its registered members with their service records.
 */
@Service
public class RegistrationService {

	static final String RESOURCE = "报到记录";

	private final RegistrationRepository registrations;

	private final MemberService members;

	private final TenantClock clock;

	RegistrationService(RegistrationRepository registrations, MemberService members, TenantClock clock) {
		this.registrations = registrations;
		this.members = members;
		this.clock = clock;
	}

	@Transactional
	public CommunityRegistration register(Caller caller, NewRegistration request) {
		caller.requireAnyRole(Access.staffAnd(Roles.PARTY_MEMBER));
		String community = Regions.requireInTenant(caller, "community", request.community());
		if (Regions.depth(community) < 3) {
			throw DomainProblem.invalidField("community", "community-level");
		}
		MemberSummary member;
		if (Access.isStaff(caller)) {
			Access.requireScope(caller, community);
			if (request.memberId() == null) {
				throw DomainProblem.invalidField("memberId", "required");
			}
			member = members.require(request.memberId());
		}
		else {
			member = members.findByAccount(caller.subject())
				.orElseThrow(() -> DomainProblem.notFound("党员", "me"));
			if (request.memberId() != null && !request.memberId().equals(member.id())) {
				throw DomainProblem.forbidden();
			}
		}
		if (member.status() != MemberStatus.ACTIVE) {
			throw DomainProblem.conflict("member-not-active", member.name());
		}
		if (member.category() != MemberCategory.IN_SERVICE) {
			throw DomainProblem.conflict("member-not-in-service", member.name());
		}
		UUID id = UUID.randomUUID();
		try {
			registrations.insert(caller.tenant(), id, member.id(), community,
					request.note() == null ? null : request.note().strip(), caller.subject());
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.conflict("member-already-registered", member.name());
		}
		return registrations.find(id).orElseThrow().registration();
	}

	@Transactional(readOnly = true)
	public CommunityRegistration get(Caller caller, UUID id) {
		return readable(caller, id).registration();
	}

	@Transactional(readOnly = true)
	public Page<CommunityRegistration> list(Caller caller, String community, String status, Integer limit,
			String cursor) {
		caller.requireAnyRole(Access.STAFF);
		String prefix = caller.scopePrefix();
		if (community != null) {
			Regions.requireInTenant(caller, "community", community);
			if (!caller.covers(community)) {
				return new Page<>(List.of(), null);
			}
			prefix = community;
		}
		if (status != null && !status.equals("ACTIVE") && !status.equals("ENDED")) {
			throw DomainProblem.invalidField("status", "type-mismatch");
		}
		int size = Cursor.limit(limit);
		Page<RegistrationRepository.Row> page = Page.of(
				registrations.page(prefix, status, Cursor.afterId(cursor), size + 1), size,
				r -> r.registration().id().toString());
		return new Page<>(page.items().stream().map(RegistrationRepository.Row::registration).toList(),
				page.nextCursor());
	}

	@Transactional
	public CommunityRegistration end(Caller caller, UUID id) {
		RegistrationRepository.Row row = acting(caller, id);
		if (registrations.end(id, caller.subject()) == 0) {
			throw DomainProblem.conflict("registration-ended");
		}
		return registrations.find(row.registration().id()).orElseThrow().registration();
	}

	@Transactional
	public ServiceRecord record(Caller caller, UUID id, NewServiceRecord request) {
		RegistrationRepository.Row row = acting(caller, id);
		if (!"ACTIVE".equals(row.registration().status())) {
			throw DomainProblem.conflict("registration-ended");
		}
		if (request.servedOn().isAfter(clock.today())) {
			throw DomainProblem.invalidField("servedOn", "date-in-future");
		}
		ServiceRecord record = new ServiceRecord(UUID.randomUUID(), id, request.servedOn(), request.minutes(),
				request.description().strip(), caller.subject(), null);
		return registrations.insertRecord(caller.tenant(), record);
	}

	@Transactional(readOnly = true)
	public Page<ServiceRecord> records(Caller caller, UUID id, Integer limit, String cursor) {
		readable(caller, id);
		int size = Cursor.limit(limit);
		return Page.of(registrations.records(id, Cursor.after(cursor, LocalDate::parse), size + 1), size,
				r -> new Cursor.Keyset<>(r.servedOn(), r.id()).encode());
	}

	/** Staff of the community or of the member's own organization, or the member. */
	private RegistrationRepository.Row readable(Caller caller, UUID id) {
		caller.requireAnyRole(Access.staffAnd(Roles.PARTY_MEMBER));
		RegistrationRepository.Row row = registrations.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		boolean self = isSelf(caller, row);
		boolean staff = Access.isStaff(caller)
				&& (caller.covers(row.registration().community()) || caller.covers(row.organizationRegion()));
		if (!self && !staff) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		return row;
	}

	/** Staff of the community, or the member. */
	private RegistrationRepository.Row acting(Caller caller, UUID id) {
		RegistrationRepository.Row row = readable(caller, id);
		if (!isSelf(caller, row) && !caller.covers(row.registration().community())) {
			throw DomainProblem.forbidden();
		}
		return row;
	}

	private static boolean isSelf(Caller caller, RegistrationRepository.Row row) {
		return caller.hasRole(Roles.PARTY_MEMBER) && caller.subject().equals(row.memberAccount());
	}
}
