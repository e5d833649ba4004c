package org.grassroots.member.households;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.member.members.IdNumbers;
import org.grassroots.member.members.MemberCategory;
import org.grassroots.member.members.MemberImports;
import org.grassroots.member.members.MemberService;
import org.grassroots.member.members.MemberStatus;
import org.grassroots.member.organizations.OrganizationService;
import org.grassroots.member.organizations.PartyOrganization;
import org.grassroots.member.support.Access;
import org.grassroots.member.support.TenantClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of central households (a district's annual list: 35,000 in Yangjiang), in batches of up to 500
 * rows, all or nothing per batch. Every row is validated first (ID numbers, phones, organizations, duplicates
 * in the batch), then every household is validated with grid-service (200 per call), then one transaction
 * writes members, central households and links with set-based statements. The database's key on (district,
 * household) still decides conflicts with existing links.
 */
@Service
public class CentralHouseholdImport {

	private final OrganizationService organizations;

	private final MemberImports members;

	private final CentralHouseholdRepository households;

	private final CentralHouseholdService service;

	private final Outbox outbox;

	private final TenantClock clock;

	private final TransactionTemplate read;

	private final TransactionTemplate write;

	private final int maxLinks;

	CentralHouseholdImport(OrganizationService organizations, MemberImports members,
			CentralHouseholdRepository households, CentralHouseholdService service, Outbox outbox, TenantClock clock,
			PlatformTransactionManager transactions,
			@Value("${grassroots.member.max-linked-households:50}") int maxLinks) {
		this.organizations = organizations;
		this.members = members;
		this.households = households;
		this.service = service;
		this.outbox = outbox;
		this.clock = clock;
		this.read = new TransactionTemplate(transactions);
		this.read.setReadOnly(true);
		this.write = new TransactionTemplate(transactions);
		this.maxLinks = maxLinks;
	}

	private record Prepared(ImportRequest.Row row, String idNumber, String idIndex, String phone, UUID homeOrganizationId, List<UUID> householdIds,
			List<CentralHouseholdRole> roles, LocalDate designatedOn) {
	}

	public ImportResult importBatch(Caller caller, ImportRequest request) {
		caller.requireAnyRole(Access.staffAnd(Roles.INTEGRATOR)).requireScope(Access.WRITE_SCOPE);
		LocalDate today = clock.today();
		List<Prepared> rows = new ArrayList<>();
		Set<String> seenIds = new HashSet<>();
		Set<UUID> seenHouseholds = new HashSet<>();
		Set<UUID> organizationIds = new HashSet<>();
		for (int i = 0; i < request.rows().size(); i++) {
			ImportRequest.Row row = request.rows().get(i);
			String at = "rows[" + i + "]";
			String idNumber = IdNumbers.validate(at + ".member.idNumber", row.member().idNumber());
			String phone = IdNumbers.validatePhone(at + ".member.phone", row.member().phone());
			if (!seenIds.add(idNumber)) {
				throw DomainProblem.invalidField(at + ".member.idNumber", "duplicate-in-batch");
			}
			List<UUID> householdIds = CentralHouseholdService.distinct(row.householdIds());
			for (UUID household : householdIds) {
				if (!seenHouseholds.add(household)) {
					throw DomainProblem.invalidField(at + ".householdIds", "duplicate-in-batch");
				}
			}
			if (householdIds.size() > maxLinks) {
				throw DomainProblem.invalidField(at + ".householdIds", "too-many-households", maxLinks);
			}
			LocalDate designatedOn = row.designatedOn() == null ? today : row.designatedOn();
			if (designatedOn.isAfter(today)) {
				throw DomainProblem.invalidField(at + ".designatedOn", "date-in-future");
			}
			organizationIds.add(row.organizationId());
			UUID home = row.member().organizationId() == null ? row.organizationId() : row.member().organizationId();
			organizationIds.add(home);
			rows.add(new Prepared(row, idNumber, members.index(idNumber), phone, home, householdIds,
					List.copyOf(new LinkedHashSet<>(row.roles())), designatedOn));
		}
		// organizations: designating ones eligible and in scope; home ones able to hold members
		Map<UUID, PartyOrganization> byId = read.execute(s -> {
			Map<UUID, PartyOrganization> found = organizations.findAll(organizationIds);
			for (int i = 0; i < rows.size(); i++) {
				Prepared p = rows.get(i);
				String at = "rows[" + i + "]";
				if (!found.containsKey(p.row().organizationId())) {
					throw DomainProblem.invalidField(at + ".organizationId", "organization-unknown");
				}
				CentralHouseholdService.checkDesignating(caller, found.get(p.row().organizationId()), at + ".organizationId");
				PartyOrganization home = found.get(p.homeOrganizationId());
				if (home == null) {
					throw DomainProblem.invalidField(at + ".member.organizationId", "organization-unknown");
				}
				Access.requireScope(caller, home.region());
				MemberService.checkHolds(home, at + ".member.organizationId");
			}
			return found;
		});
		// households: every id known to grid-service, in the row's community
		List<UUID> allHouseholds = new ArrayList<>();
		rows.forEach(p -> allHouseholds.addAll(p.householdIds()));
		Map<UUID, String> regions = service.lookup(allHouseholds);
		for (Prepared p : rows) {
			CentralHouseholdService.requireInCommunity(p.householdIds(), regions,
					CentralHouseholdService.community(byId.get(p.row().organizationId()).region()));
		}
		return write.execute(s -> write(caller, rows, byId, regions));
	}

	private ImportResult write(Caller caller, List<Prepared> rows, Map<UUID, PartyOrganization> byId,
			Map<UUID, String> regions) {
		Map<String, MemberImports.Existing> existing = members
			.findByIndexes(rows.stream().map(Prepared::idIndex).toList());
		List<MemberImports.NewMember> created = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		List<UUID> memberIds = new ArrayList<>();
		List<UUID> organizationIds = new ArrayList<>();
		List<String> chRegions = new ArrayList<>();
		List<List<CentralHouseholdRole>> roles = new ArrayList<>();
		List<String> plaques = new ArrayList<>();
		List<LocalDate> dates = new ArrayList<>();
		List<UUID> linkHouseholds = new ArrayList<>();
		List<UUID> linkOwners = new ArrayList<>();
		List<String> linkRegions = new ArrayList<>();
		int reused = 0;
		for (int i = 0; i < rows.size(); i++) {
			Prepared p = rows.get(i);
			String at = "rows[" + i + "]";
			MemberImports.Existing known = existing.get(p.idIndex());
			UUID memberId;
			if (known != null) {
				if (known.status() != MemberStatus.ACTIVE) {
					throw new DomainProblem(HttpStatus.CONFLICT, "import-member-not-active", at);
				}
				if (known.centralHousehold()) {
					throw new DomainProblem(HttpStatus.CONFLICT, "import-member-already-central-household", at);
				}
				memberId = known.id();
				reused++;
			}
			else {
				memberId = UUID.randomUUID();
				ImportRequest.Member m = p.row().member();
				created.add(new MemberImports.NewMember(memberId, p.homeOrganizationId(), m.name().strip(), p.idNumber(),
						p.phone(), m.category() == null ? MemberCategory.REGULAR : m.category(), m.joinedOn(),
						m.workplace()));
			}
			UUID id = UUID.randomUUID();
			PartyOrganization organization = byId.get(p.row().organizationId());
			ids.add(id);
			memberIds.add(memberId);
			organizationIds.add(organization.id());
			chRegions.add(organization.region());
			roles.add(p.roles());
			plaques.add(CentralHouseholdService.blankToNull(p.row().plaqueNo()));
			dates.add(p.designatedOn());
			for (UUID household : p.householdIds()) {
				linkHouseholds.add(household);
				linkOwners.add(id);
				linkRegions.add(regions.get(household));
			}
		}
		try {
			members.insertAll(caller.tenant(), created);
			households.insertAll(caller.tenant(), ids, memberIds, organizationIds, chRegions, roles, plaques, dates,
					caller.subject());
		}
		catch (DuplicateKeyException ex) {
			// a concurrent import or designation of the same person won the race
			throw DomainProblem.conflict("import-conflict");
		}
		if (!linkHouseholds.isEmpty()) {
			Set<UUID> linked = households.link(caller.tenant(), linkHouseholds, linkOwners, linkRegions, caller.subject());
			if (linked.size() < linkHouseholds.size()) {
				List<UUID> taken = linkHouseholds.stream().filter(h -> !linked.contains(h)).toList();
				throw DomainProblem.conflict("household-already-linked", taken.size(), CentralHouseholdService.ids(taken));
			}
		}
		outbox.append("central-households.imported", null, Map.of("centralHouseholdIds", ids));
		return new ImportResult(ids.size(), created.size(), reused, linkHouseholds.size(), ids);
	}
}
