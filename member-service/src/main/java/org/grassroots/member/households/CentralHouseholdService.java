package org.grassroots.member.households;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.member.clients.grid.GridHouseholds;
import org.grassroots.member.members.MemberService;
import org.grassroots.member.members.MemberStatus;
import org.grassroots.member.members.MemberSummary;
import org.grassroots.member.organizations.OrganizationLevel;
import org.grassroots.member.organizations.OrganizationService;
import org.grassroots.member.organizations.OrganizationStatus;
import org.grassroots.member.organizations.PartyOrganization;
import org.grassroots.member.support.Access;
import org.grassroots.defaults.security.Regions;
import org.grassroots.member.support.TenantClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Central households: designation by a community/village organization, roles, linked households and the plaque.
 * Household ids are validated with grid-service before anything is written, outside any database transaction;
 * the write transaction then lets the database decide which household is linked where.
 */
@Service
public class CentralHouseholdService {

	static final String RESOURCE = "党员中心户";

	private static final String[] READERS = Access.staffAnd(Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.PARTY_MEMBER,
			Roles.INTEGRATOR);

	private final CentralHouseholdRepository households;

	private final MemberService members;

	private final OrganizationService organizations;

	private final GridHouseholds grid;

	private final Outbox outbox;

	private final TenantClock clock;

	private final TransactionTemplate read;

	private final TransactionTemplate write;

	private final int maxLinks;

	CentralHouseholdService(CentralHouseholdRepository households, MemberService members,
			OrganizationService organizations, GridHouseholds grid, Outbox outbox, TenantClock clock,
			PlatformTransactionManager transactions,
			@Value("${grassroots.member.max-linked-households:50}") int maxLinks) {
		this.households = households;
		this.members = members;
		this.organizations = organizations;
		this.grid = grid;
		this.outbox = outbox;
		this.clock = clock;
		this.read = new TransactionTemplate(transactions);
		this.read.setReadOnly(true);
		this.write = new TransactionTemplate(transactions);
		this.maxLinks = maxLinks;
	}

	public CentralHousehold designate(Caller caller, Designation request) {
		caller.requireAnyRole(Access.STAFF);
		List<UUID> householdIds = distinct(request.householdIds());
		List<CentralHouseholdRole> roles = distinctRoles(request.roles());
		var designatedOn = request.designatedOn() == null ? clock.today() : request.designatedOn();
		if (designatedOn.isAfter(clock.today())) {
			throw DomainProblem.invalidField("designatedOn", "date-in-future");
		}
		PartyOrganization organization = read.execute(s -> {
			PartyOrganization o = designatingOrganization(caller, request.organizationId(), "organizationId");
			eligibleMember(members.requireVisible(caller, request.memberId()));
			return o;
		});
		Map<UUID, String> regions = validated(householdIds, community(organization.region()));
		UUID id = UUID.randomUUID();
		write.executeWithoutResult(s -> {
			eligibleMember(members.requireVisible(caller, request.memberId()));
			try {
				households.insert(caller.tenant(), id, request.memberId(), organization.id(), organization.region(), roles,
						blankToNull(request.plaqueNo()), designatedOn, caller.subject());
			}
			catch (DuplicateKeyException ex) {
				throw DomainProblem.conflict("member-already-central-household");
			}
			linkChecked(caller, id, householdIds, regions);
			outbox.append("central-household.designated", id.toString(), Map.of("centralHouseholdId", id, "memberId",
					request.memberId(), "region", organization.region(), "roles", roles));
		});
		return read.execute(s -> households.find(id).orElseThrow().view());
	}

	public CentralHousehold get(Caller caller, UUID id) {
		return read.execute(s -> readable(caller, id).view());
	}

	public CentralHousehold me(Caller caller) {
		caller.requireAnyRole(Roles.PARTY_MEMBER);
		return read.execute(s -> households.findByMemberAccount(caller.subject())
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, "me"))
			.view());
	}

	public Page<CentralHousehold> list(Caller caller, UUID organizationId, String region, CentralHouseholdRole role,
			CentralHouseholdStatus status, Integer limit, String cursor) {
		caller.requireAnyRole(Access.staffAnd(Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.INTEGRATOR))
			.requireScope(Access.READ_SCOPE);
		int size = Cursor.limit(limit);
		String prefix = Access.tenantWide(caller) ? null : caller.scopePrefix();
		if (region != null) {
			Regions.requireInTenant(caller, "region", region);
			if (prefix != null && !Regions.within(region, prefix)) {
				return new Page<>(List.of(), null);
			}
			prefix = region;
		}
		String effective = prefix;
		UUID after = Cursor.afterId(cursor);
		Page<CentralHouseholdRow> page = read.execute(s -> Page.of(
				households.page(effective, organizationId, role, status, after, size + 1), size, r -> r.id().toString()));
		return new Page<>(page.items().stream().map(CentralHouseholdRow::view).toList(), page.nextCursor());
	}

	public CentralHousehold change(Caller caller, UUID id, long expectedVersion, CentralHouseholdChange change) {
		return write.execute(s -> {
			CentralHouseholdRow current = managed(caller, id);
			requireActive(current);
			List<CentralHouseholdRole> roles = change.roles() == null ? current.roles() : distinctRoles(change.roles());
			String plaque = change.plaqueNo() == null ? current.plaqueNo() : blankToNull(change.plaqueNo());
			if (households.update(id, expectedVersion, roles, plaque) == 0) {
				throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
			}
			return households.find(id).orElseThrow().view();
		});
	}

	public CentralHousehold revoke(Caller caller, UUID id, Revocation revocation) {
		return write.execute(s -> {
			CentralHouseholdRow current = managed(caller, id);
			households.lock(id);
			requireActive(current);
			households.revoke(id, caller.subject(), revocation == null ? null : revocation.reason());
			outbox.append("central-household.revoked", id.toString(), Map.of("centralHouseholdId", id));
			return households.find(id).orElseThrow().view();
		});
	}

	/**
	 * Links households after grid-service confirmed they exist in the district and lie in the central
	 * household's community. All or nothing: a household already linked elsewhere is a 409 and nothing is linked.
	 * Linking a household already linked here changes nothing.
	 */
	public List<LinkedHousehold> link(Caller caller, UUID id, HouseholdLinks request) {
		List<UUID> householdIds = distinct(request.householdIds());
		CentralHouseholdRow ch = read.execute(s -> {
			CentralHouseholdRow current = managed(caller, id);
			requireActive(current);
			return current;
		});
		Map<UUID, String> regions = validated(householdIds, ch.community());
		return write.execute(s -> {
			CentralHouseholdStatus status = households.lock(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
			if (status != CentralHouseholdStatus.ACTIVE) {
				throw DomainProblem.conflict("central-household-revoked");
			}
			linkChecked(caller, id, householdIds, regions);
			return households.linksOf(id);
		});
	}

	public void unlink(Caller caller, UUID id, UUID householdId) {
		write.executeWithoutResult(s -> {
			managed(caller, id);
			households.lock(id);
			if (!households.unlink(id, householdId, caller.subject())) {
				throw DomainProblem.notFound("联系户", householdId);
			}
		});
	}

	public List<LinkedHousehold> linked(Caller caller, UUID id) {
		return read.execute(s -> {
			readable(caller, id);
			return households.linksOf(id);
		});
	}

	/**
	 * The plaque is public on the door: every person and integrator of the district may see it, without a member
	 * scope; it shows no personal data.
	 */
	public Plaque plaque(Caller caller, UUID id) {
		Access.requireTenantCaller(caller);
		return read.execute(s -> {
			CentralHouseholdRow ch = households.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
			if (ch.status() != CentralHouseholdStatus.ACTIVE) {
				throw DomainProblem.notFound(RESOURCE, id);
			}
			List<Plaque.Household> linked = households.linksOf(id).stream()
				.map(l -> new Plaque.Household(l.householdId(), l.region()))
				.toList();
			return new Plaque(ch.id(), ch.plaqueNo(), ch.memberName(), ch.organizationName(),
					ch.roles().stream().map(r -> new Plaque.Role(r, r.label())).toList(), ch.designatedOn(), linked.size(),
					linked, new Plaque.Contact(ch.organizationName(), ch.organizationPhone(), "请通过社区联系党员中心户"));
		});
	}

	/**
	 * Who serves a household, for grid-service's dispatch (the caller's token is relayed, whoever reported the
	 * case, an integrator with only case scopes included). The answer is what the plaque on the door shows: the
	 * member's name and roles; no personal data.
	 */
	public ForHousehold forHousehold(Caller caller, UUID householdId) {
		Access.requireTenantCaller(caller);
		return read.execute(s -> households.forHousehold(householdId)
			.orElseThrow(() -> DomainProblem.notFound("联系户的党员中心户", householdId)));
	}

	// ---- shared with the import and other features ---------------------------------------------------------

	/** The central household if the caller may read it; 404 otherwise. Call inside a transaction. */
	public CentralHousehold requireReadable(Caller caller, UUID id) {
		return readable(caller, id).view();
	}

	/**
	 * Whether the caller may act for the central household in its work: staff of its region, or the member.
	 * Call inside a transaction.
	 */
	public CentralHousehold requireActing(Caller caller, UUID id) {
		CentralHouseholdRow ch = households.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		boolean self = caller.hasRole(Roles.PARTY_MEMBER) && caller.subject().equals(ch.memberAccount());
		boolean staff = Access.isStaff(caller) && caller.covers(ch.region());
		if (!self && !staff) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		return ch.view();
	}

	/** The designating organization: active, at community level or below, not a group, in the caller's scope. */
	PartyOrganization designatingOrganization(Caller caller, UUID organizationId, String field) {
		return checkDesignating(caller, organizations.require(organizationId), field);
	}

	static PartyOrganization checkDesignating(Caller caller, PartyOrganization organization, String field) {
		Access.requireScope(caller, organization.region());
		if (organization.status() != OrganizationStatus.ACTIVE) {
			throw DomainProblem.conflict("organization-dissolved", organization.name());
		}
		if (organization.level() == OrganizationLevel.GROUP || Regions.depth(organization.region()) < 3) {
			throw DomainProblem.invalidField(field, "organization-not-community-level");
		}
		return organization;
	}

	static void eligibleMember(MemberSummary member) {
		if (member.status() != MemberStatus.ACTIVE) {
			throw DomainProblem.conflict("member-not-active", member.name());
		}
	}

	/**
	 * Asks grid-service about the households (no transaction may be open meanwhile): all must exist in the
	 * caller's district, or it is a 404 naming them. @return region by household id
	 */
	Map<UUID, String> lookup(List<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		GridHouseholds.Validation validation = grid.validate(householdIds);
		if (!validation.missing().isEmpty()) {
			throw new DomainProblem(HttpStatus.NOT_FOUND, "household-not-found", validation.missing().size(),
					ids(validation.missing()));
		}
		return validation.regions();
	}

	/** {@link #lookup}, and every household must lie in the community (422 otherwise). */
	Map<UUID, String> validated(List<UUID> householdIds, String community) {
		Map<UUID, String> regions = lookup(householdIds);
		requireInCommunity(householdIds, regions, community);
		return regions;
	}

	static void requireInCommunity(List<UUID> householdIds, Map<UUID, String> regions, String community) {
		List<UUID> outside = householdIds.stream().filter(h -> !Regions.within(regions.get(h), community)).toList();
		if (!outside.isEmpty()) {
			throw new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "household-outside-community", community,
					ids(outside));
		}
	}

	/** Inside the write transaction, with the central household locked. */
	private void linkChecked(Caller caller, UUID id, List<UUID> householdIds, Map<UUID, String> regions) {
		if (householdIds.isEmpty()) {
			return;
		}
		Set<UUID> linked = households.link(caller.tenant(), householdIds, Collections.nCopies(householdIds.size(), id),
				householdIds.stream().map(regions::get).toList(), caller.subject());
		if (linked.size() < householdIds.size()) {
			List<UUID> elsewhere = households.links(householdIds.stream().filter(h -> !linked.contains(h)).toList())
				.stream()
				.filter(l -> !l.centralHouseholdId().equals(id))
				.map(LinkedHousehold::householdId)
				.toList();
			if (!elsewhere.isEmpty()) {
				throw DomainProblem.conflict("household-already-linked", elsewhere.size(), ids(elsewhere));
			}
		}
		if (households.countLinks(id) > maxLinks) {
			throw DomainProblem.conflict("too-many-households", maxLinks);
		}
	}

	private CentralHouseholdRow readable(Caller caller, UUID id) {
		caller.requireAnyRole(READERS).requireScope(Access.READ_SCOPE);
		CentralHouseholdRow ch = households.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		boolean self = caller.hasRole(Roles.PARTY_MEMBER) && caller.subject().equals(ch.memberAccount());
		boolean inScope = caller.hasAnyRole(Access.staffAnd(Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.INTEGRATOR))
				&& caller.covers(ch.region());
		if (!self && !inScope) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		return ch;
	}

	private CentralHouseholdRow managed(Caller caller, UUID id) {
		caller.requireAnyRole(Access.STAFF);
		CentralHouseholdRow ch = households.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		if (!caller.covers(ch.region())) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		return ch;
	}

	private static void requireActive(CentralHouseholdRow ch) {
		if (ch.status() != CentralHouseholdStatus.ACTIVE) {
			throw DomainProblem.conflict("central-household-revoked");
		}
	}

	static String community(String region) {
		String[] parts = region.split("/");
		return parts.length <= 3 ? region : parts[0] + "/" + parts[1] + "/" + parts[2];
	}

	static List<UUID> distinct(List<UUID> ids) {
		return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
	}

	static List<CentralHouseholdRole> distinctRoles(List<CentralHouseholdRole> roles) {
		return List.copyOf(new LinkedHashSet<>(roles));
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** Up to ten ids for a problem's detail. */
	static String ids(List<UUID> ids) {
		String shown = ids.stream().limit(10).map(UUID::toString).collect(Collectors.joining(", "));
		return ids.size() > 10 ? shown + " …" : shown;
	}
}
