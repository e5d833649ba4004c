package org.grassroots.member.members;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.member.organizations.OrganizationCategory;
import org.grassroots.member.organizations.OrganizationService;
import org.grassroots.member.organizations.OrganizationStatus;
import org.grassroots.member.organizations.PartyOrganization;
import org.grassroots.member.support.Access;
import org.grassroots.member.support.TenantClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party members. Who sees a member: staff whose region covers the member's organization, mobile branch or active
 * community registration, and the member themself. ID numbers and phones are masked for everyone; plaintext only
 * on an explicit {@code reveal} with a purpose, for the district's tenant admins, the community staff of the
 * member's own organization, and the member themself, each field read audited.
 */
@Service
public class MemberService {

	static final String RESOURCE = "党员";

	private final MemberRepository members;

	private final MemberPersonalData personalData;

	private final OrganizationService organizations;

	private final TenantClock clock;

	MemberService(MemberRepository members, MemberPersonalData personalData, OrganizationService organizations,
			TenantClock clock) {
		this.members = members;
		this.personalData = personalData;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Transactional
	public PartyMember register(Caller caller, MemberRegistration r) {
		caller.requireAnyRole(Access.STAFF);
		String idNumber = IdNumbers.validate("idNumber", r.idNumber());
		String phone = IdNumbers.validatePhone("phone", r.phone());
		PartyOrganization organization = homeOrganization(caller, "organizationId", r.organizationId());
		if (r.joinedOn() != null && r.joinedOn().isAfter(clock.today())) {
			throw DomainProblem.invalidField("joinedOn", "date-in-future");
		}
		UUID id = UUID.randomUUID();
		try {
			members.insert(caller.tenant(), id, r, r.name().strip(), personalData.seal(id, idNumber, phone));
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
		return members.find(id).orElseThrow().masked();
	}

	@Transactional(readOnly = true)
	public PartyMember get(Caller caller, UUID id) {
		return visible(caller, id).masked();
	}

	/** The member with the requested fields in plaintext; each field read is audited in this transaction. */
	@Transactional
	public PartyMember reveal(Caller caller, UUID id, Set<PersonalField> fields, String purpose) {
		return reveal(caller, visible(caller, id), fields, purpose);
	}

	@Transactional(readOnly = true)
	public PartyMember me(Caller caller) {
		return self(caller).masked();
	}

	@Transactional
	public PartyMember revealMe(Caller caller, Set<PersonalField> fields, String purpose) {
		return reveal(caller, self(caller), fields, purpose);
	}

	@Transactional(readOnly = true)
	public Page<PartyMember> list(Caller caller, UUID organizationId, UUID mobileBranchId, MemberCategory category,
			MemberStatus status, Integer limit, String cursor) {
		requireStaff(caller);
		int size = Cursor.limit(limit);
		String prefix = Access.tenantWide(caller) ? null : caller.scopePrefix();
		List<MemberRow> rows = members.page(prefix, organizationId, mobileBranchId, category, status,
				Cursor.afterId(cursor), size + 1);
		Page<MemberRow> page = Page.of(rows, size, m -> m.id().toString());
		return new Page<>(page.items().stream().map(MemberRow::masked).toList(), page.nextCursor());
	}

	/** Exact lookup through the blind index; the answer is masked, and 404 when not visible to the caller. */
	@Transactional(readOnly = true)
	public PartyMember lookup(Caller caller, IdNumberLookup request) {
		requireStaff(caller);
		String idNumber = IdNumbers.validate("idNumber", request.idNumber());
		MemberRow row = members.findByIndex(personalData.index(idNumber))
			.filter(m -> sees(caller, m))
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, "身份证号"));
		return row.masked();
	}

	@Transactional
	public PartyMember change(Caller caller, UUID id, long expectedVersion, MemberChange change) {
		MemberRow current = home(caller, id);
		if (current.version() != expectedVersion) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
		String idNumber = change.idNumber() == null ? null : IdNumbers.validate("idNumber", change.idNumber());
		String phone = IdNumbers.validatePhone("phone", change.phone());
		MemberCategory category = change.category() == null ? current.category() : change.category();
		MemberStatus status = change.status() == null ? current.status() : change.status();
		if (status != current.status()) {
			if (status == MemberStatus.TRANSFERRED_OUT || current.status() == MemberStatus.TRANSFERRED_OUT) {
				throw DomainProblem.invalidField("status", "status-through-transfer");
			}
			if (status == MemberStatus.DECEASED && members.isActiveCentralHousehold(id)) {
				throw DomainProblem.conflict("member-is-central-household");
			}
		}
		if (change.joinedOn() != null && change.joinedOn().isAfter(clock.today())) {
			throw DomainProblem.invalidField("joinedOn", "date-in-future");
		}
		boolean leavesMobile = current.mobileBranchId() != null && category != MemberCategory.MOBILE;
		if (leavesMobile) {
			members.releaseMobile(id, caller.subject());
			expectedVersion = expectedVersion + 1;
		}
		int updated;
		try {
			updated = members.update(id, expectedVersion, change.name() == null ? current.name() : change.name().strip(),
					personalData.seal(id, idNumber, phone), category, status,
					change.joinedOn() == null ? current.joinedOn() : change.joinedOn(),
					change.workplace() == null ? current.workplace() : change.workplace(),
					change.accountSubject() == null ? current.accountSubject() : change.accountSubject(), leavesMobile);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
		if (updated == 0) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
		return members.find(id).orElseThrow().masked();
	}

	/**
	 * Transfers the organizational relationship. The sending side acts: staff whose region covers the member's
	 * current organization. Inside the district the target is any active organization that holds members; out of
	 * it the member becomes TRANSFERRED_OUT and leaves their mobile branch and community registration.
	 */
	@Transactional
	public Transfer transfer(Caller caller, UUID id, TransferRequest request) {
		if ((request.toOrganizationId() == null) == (request.destination() == null)) {
			throw DomainProblem.invalidField("toOrganizationId", "transfer-target");
		}
		MemberRow member = members.findForUpdate(id).filter(m -> sees(caller, m))
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		requireHome(caller, member);
		if (member.status() != MemberStatus.ACTIVE) {
			throw DomainProblem.conflict("member-not-active", member.name());
		}
		var effectiveOn = request.effectiveOn() == null ? clock.today() : request.effectiveOn();
		Transfer transfer;
		if (request.toOrganizationId() != null) {
			if (request.toOrganizationId().equals(member.organizationId())) {
				throw DomainProblem.conflict("transfer-same-organization");
			}
			PartyOrganization target = organizations.require(request.toOrganizationId());
			checkHolds(target, "toOrganizationId");
			members.moveTo(id, target.id(), MemberStatus.ACTIVE);
			transfer = new Transfer(UUID.randomUUID(), id, member.organizationId(), target.id(), null, request.reason(),
					effectiveOn, caller.subject(), null);
		}
		else {
			if (members.isActiveCentralHousehold(id)) {
				throw DomainProblem.conflict("member-is-central-household");
			}
			members.releaseMobile(id, caller.subject());
			members.endRegistration(id, caller.subject());
			members.moveTo(id, member.organizationId(), MemberStatus.TRANSFERRED_OUT);
			transfer = new Transfer(UUID.randomUUID(), id, member.organizationId(), null, request.destination().strip(),
					request.reason(), effectiveOn, caller.subject(), null);
		}
		members.insertTransfer(caller.tenant(), transfer);
		return members.transfers(id).stream().filter(t -> t.id().equals(transfer.id())).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Transfer> transfers(Caller caller, UUID id) {
		visibleToStaffOrSelf(caller, id);
		return members.transfers(id);
	}

	/**
	 * Brings a mobile member under a mobile branch: staff covering the member's home organization hand them
	 * over, or staff covering the mobile branch take them in. A previous assignment ends.
	 */
	@Transactional
	public MobileAssignment assignMobile(Caller caller, UUID id, MobileAssignmentRequest request) {
		caller.requireAnyRole(Access.STAFF);
		MemberRow member = members.findForUpdate(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		PartyOrganization branch = organizations.require(request.branchId());
		if (!caller.covers(member.organizationRegion()) && !caller.covers(branch.region())) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		if (branch.category() != OrganizationCategory.MOBILE) {
			throw DomainProblem.invalidField("branchId", "not-mobile-branch");
		}
		if (branch.status() != OrganizationStatus.ACTIVE) {
			throw DomainProblem.conflict("organization-dissolved", branch.name());
		}
		if (member.category() != MemberCategory.MOBILE) {
			throw DomainProblem.conflict("member-not-mobile", member.name());
		}
		if (member.status() != MemberStatus.ACTIVE) {
			throw DomainProblem.conflict("member-not-active", member.name());
		}
		members.releaseMobile(id, caller.subject());
		UUID assignment = UUID.randomUUID();
		members.assignMobile(caller.tenant(), assignment, id, branch.id(),
				request.location() == null ? null : request.location().strip(), caller.subject());
		return members.mobileAssignments(id).stream().filter(a -> a.id().equals(assignment)).findFirst().orElseThrow();
	}

	@Transactional
	public void releaseMobile(Caller caller, UUID id) {
		caller.requireAnyRole(Access.STAFF);
		MemberRow member = members.findForUpdate(id).filter(m -> sees(caller, m))
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		if (member.mobileBranchId() == null) {
			throw DomainProblem.conflict("member-not-under-mobile-branch", member.name());
		}
		members.releaseMobile(id, caller.subject());
	}

	@Transactional(readOnly = true)
	public List<MobileAssignment> mobileAssignments(Caller caller, UUID id) {
		visibleToStaffOrSelf(caller, id);
		return members.mobileAssignments(id);
	}

	// ---- for other features ------------------------------------------------------------------------------

	/**
	 * The member as other features need them, if the caller may see them (staff by region, or the member
	 * themself); otherwise a 404 problem. Call inside a transaction.
	 */
	public MemberSummary requireVisible(Caller caller, UUID id) {
		return members.find(id).filter(m -> sees(caller, m))
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id))
			.summary();
	}

	/** The member, whoever may see them. Call inside a transaction. */
	public MemberSummary require(UUID id) {
		return members.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id)).summary();
	}

	/** The member whose account is the caller's subject. Call inside a transaction. */
	public java.util.Optional<MemberSummary> findByAccount(String subject) {
		return members.findByAccount(subject).map(MemberRow::summary);
	}

	/** Members by id, whoever may see them; absent ids are missing from the map. Call inside a transaction. */
	public Map<UUID, MemberSummary> findAll(Collection<UUID> ids) {
		return members.findAll(ids).stream().map(MemberRow::summary)
			.collect(Collectors.toMap(MemberSummary::id, Function.identity()));
	}

	/** A 400 on {@code field} unless the organization may hold members' organizational relationship. */
	public static void checkHolds(PartyOrganization organization, String field) {
		if (organization.status() != OrganizationStatus.ACTIVE) {
			throw DomainProblem.conflict("organization-dissolved", organization.name());
		}
		if (!organization.level().holdsMembers() || organization.category() == OrganizationCategory.MOBILE) {
			throw DomainProblem.invalidField(field, "organization-holds-no-members");
		}
	}

	// ---- rules -------------------------------------------------------------------------------------------

	private PartyMember reveal(Caller caller, MemberRow member, Set<PersonalField> fields, String purpose) {
		if (!mayReveal(caller, member)) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "personal-data-reveal-forbidden");
		}
		String idNumber = member.idNumberMasked();
		String phone = member.phoneMasked();
		List<String> revealed = new ArrayList<>();
		for (PersonalField field : fields) {
			if (field == PersonalField.ID_NUMBER) {
				idNumber = personalData.reveal(caller, member.id(), field, member.idNumberCiphertext(), purpose);
				revealed.add(field.apiName());
			}
			else if (member.phoneCiphertext() != null) {
				phone = personalData.reveal(caller, member.id(), field, member.phoneCiphertext(), purpose);
				revealed.add(field.apiName());
			}
		}
		return member.view(idNumber, phone, revealed);
	}

	/**
	 * Plaintext is for people, never integrators: the district's tenant admin; community staff whose region
	 * covers the member's own organization (they maintain the record); and the member themself (the right to
	 * access one's own data).
	 */
	static boolean mayReveal(Caller caller, MemberRow member) {
		if (!"person".equals(caller.kind())) {
			return false;
		}
		if (isSelf(caller, member)) {
			return true;
		}
		if (caller.hasRole(Roles.TENANT_ADMIN) && caller.covers(member.organizationRegion())) {
			return true;
		}
		return caller.hasRole(Roles.COMMUNITY_STAFF) && caller.covers(member.organizationRegion());
	}

	private MemberRow visible(Caller caller, UUID id) {
		caller.requireAnyRole(Access.staffAnd(Roles.PARTY_MEMBER));
		return members.find(id).filter(m -> sees(caller, m)).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
	}

	private void visibleToStaffOrSelf(Caller caller, UUID id) {
		visible(caller, id);
	}

	private MemberRow self(Caller caller) {
		caller.requireAnyRole(Roles.PARTY_MEMBER);
		return members.findByAccount(caller.subject()).orElseThrow(() -> DomainProblem.notFound(RESOURCE, "me"));
	}

	/** The member, for changes by staff of their home organization's region (404 if invisible, 403 if not home). */
	private MemberRow home(Caller caller, UUID id) {
		caller.requireAnyRole(Access.STAFF);
		MemberRow member = members.findForUpdate(id).filter(m -> sees(caller, m))
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		requireHome(caller, member);
		return member;
	}

	private static void requireHome(Caller caller, MemberRow member) {
		caller.requireAnyRole(Access.STAFF);
		if (!caller.covers(member.organizationRegion())) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "member-not-in-home-scope");
		}
	}

	private PartyOrganization homeOrganization(Caller caller, String field, UUID organizationId) {
		PartyOrganization organization = organizations.require(organizationId);
		Access.requireScope(caller, organization.region());
		checkHolds(organization, field);
		return organization;
	}

	static boolean sees(Caller caller, MemberRow member) {
		if (isSelf(caller, member)) {
			return true;
		}
		if (!Access.isStaff(caller)) {
			return false;
		}
		return caller.covers(member.organizationRegion())
				|| (member.mobileBranchRegion() != null && caller.covers(member.mobileBranchRegion()))
				|| (member.registrationCommunity() != null && caller.covers(member.registrationCommunity()));
	}

	private static boolean isSelf(Caller caller, MemberRow member) {
		return caller.hasRole(Roles.PARTY_MEMBER) && member.accountSubject() != null
				&& member.accountSubject().equals(caller.subject());
	}

	private static void requireStaff(Caller caller) {
		caller.requireAnyRole(Access.STAFF);
		if (!"person".equals(caller.kind())) {
			throw DomainProblem.forbidden();
		}
	}

	private static DomainProblem duplicate(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("party_member_account")) {
			return DomainProblem.conflict("member-account-taken");
		}
		return DomainProblem.conflict("member-duplicate-id-number");
	}
}
