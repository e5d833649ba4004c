package org.grassroots.grid.households;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.grid.buildings.Building;
import org.grassroots.grid.buildings.BuildingService;
import org.grassroots.grid.compounds.CompoundService;
import org.grassroots.grid.grids.GridRef;
import org.grassroots.grid.grids.GridService;
import org.grassroots.grid.support.Access;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households and residents under the grids, with care tags and protected personal data; the provider endpoints
 * member-service calls (a household's grid and region, which households exist).
 */
@Service
public class HouseholdService {

	static final String HOUSEHOLD = "户";

	static final String RESIDENT = "居民";

	private static final Set<String> REVEALABLE = Set.of("idNumber", "phone");

	private final HouseholdRepository households;

	private final GridService grids;

	private final BuildingService buildings;

	private final CompoundService compounds;

	private final PersonalData personal;

	private final PersonalDataAudit audit;

	HouseholdService(HouseholdRepository households, GridService grids, BuildingService buildings,
			CompoundService compounds, PersonalData personal, PersonalDataAudit audit) {
		this.households = households;
		this.grids = grids;
		this.buildings = buildings;
		this.compounds = compounds;
		this.personal = personal;
		this.audit = audit;
	}

	// ---- for other features -------------------------------------------------------------------------------

	/** A household of the tenant (inside the caller's transaction). */
	public Optional<HouseholdRef> find(UUID id) {
		return households.find(id).map(Household::ref);
	}

	// ---- provider endpoints -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public HouseholdRef ref(Caller caller, UUID id) {
		caller.requireAnyRole(Access.HOUSEHOLD_LOOKUP).requireScope("households:read");
		Household household = households.find(id).orElseThrow(() -> DomainProblem.notFound(HOUSEHOLD, id));
		caller.requireCovers(household.region(), HOUSEHOLD, id);
		return household.ref();
	}

	@Transactional(readOnly = true)
	public HouseholdLookup.Result lookup(Caller caller, HouseholdLookup lookup) {
		caller.requireAnyRole(Access.HOUSEHOLD_LOOKUP).requireScope("households:read");
		Set<UUID> wanted = new java.util.LinkedHashSet<>(lookup.ids());
		List<HouseholdLookup.Found> found = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (HouseholdRef ref : households.refs(wanted)) {
			if (caller.covers(ref.region())) {
				found.add(new HouseholdLookup.Found(ref.id(), ref.region()));
				seen.add(ref.id());
			}
		}
		List<UUID> missing = wanted.stream().filter(id -> !seen.contains(id)).toList();
		found.sort(java.util.Comparator.comparing(f -> lookup.ids().indexOf(f.id())));
		return new HouseholdLookup.Result(found, missing);
	}

	// ---- households ---------------------------------------------------------------------------------------

	@Transactional
	public Household create(Caller caller, HouseholdDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		GridRef grid = grids.requireActive(caller, draft.gridId(), "gridId");
		checkPlacement(grid, draft.buildingId(), draft.compoundId());
		UUID id = UUID.randomUUID();
		String address = draft.address().strip();
		List<CareTag> tags = draft.careTags() == null ? List.of() : draft.careTags();
		Household household;
		try {
			household = households.insert(caller.tenant(), new HouseholdRepository.HouseholdRow(id, draft.code(),
					grid.id(), draft.buildingId(), draft.compoundId(), grid.region(),
					personal.address(address, PersonalData.contextOf("household", id, "address")), tags,
					contentHash(grid.id(), draft.buildingId(), draft.compoundId(), address, tags)));
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.conflict("code-taken", draft.code());
		}
		List<ResidentInput> residents = draft.residents() == null ? List.of() : draft.residents();
		for (int i = 0; i < residents.size(); i++) {
			insertResident(caller.tenant(), id, residents.get(i), "residents[" + i + "].");
		}
		return household.withResidents(households.residentsOf(id));
	}

	@Transactional(readOnly = true)
	public Household details(Caller caller, UUID id) {
		caller.requireAnyRole(Access.HOUSEHOLD_READERS);
		Household household = households.find(id).orElseThrow(() -> DomainProblem.notFound(HOUSEHOLD, id));
		caller.requireCovers(household.region(), HOUSEHOLD, id);
		return household.withResidents(households.residentsOf(id));
	}

	@Transactional(readOnly = true)
	public Page<Household> list(Caller caller, UUID gridId, UUID buildingId, CareTag careTag, Integer limit,
			String cursor) {
		caller.requireAnyRole(Access.HOUSEHOLD_READERS);
		int size = Cursor.limit(limit);
		return Page.of(households.page(caller.scopePrefix(), gridId, buildingId, careTag, Cursor.afterId(cursor),
				size + 1), size, h -> h.id().toString());
	}

	@Transactional
	public Household change(Caller caller, UUID id, long version, HouseholdChange change) {
		caller.requireAnyRole(Access.MANAGERS);
		Household current = households.find(id).orElseThrow(() -> DomainProblem.notFound(HOUSEHOLD, id));
		caller.requireCovers(current.region(), HOUSEHOLD, id);
		GridRef grid = change.gridId() == null ? grids.find(current.gridId()).orElseThrow()
				: grids.requireActive(caller, change.gridId(), "gridId");
		UUID building = change.buildingId() == null ? current.buildingId() : change.buildingId();
		UUID compound = change.compoundId() == null ? current.compoundId() : change.compoundId();
		checkPlacement(grid, change.buildingId(), change.compoundId());
		List<CareTag> tags = change.careTags() == null ? current.careTags() : change.careTags();
		String address = change.address() == null ? null : change.address().strip();
		if (address == null) {
			HouseholdRepository.Secrets secrets = households.secrets(id).orElseThrow();
			address = personal.decrypt(secrets.addressCipher(), PersonalData.contextOf("household", id, "address"));
		}
		PersonalData.Sealed sealed = change.address() == null ? null
				: personal.address(address, PersonalData.contextOf("household", id, "address"));
		Household updated = households.update(id, version, new HouseholdRepository.HouseholdRow(id, current.code(),
				grid.id(), building, compound, grid.region(), sealed, tags,
				contentHash(grid.id(), building, compound, address, tags)), false)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
		return updated.withResidents(households.residentsOf(id));
	}

	/** The exact address in plain text, for a stated purpose; the read is audited in this transaction. */
	@Transactional
	public RevealedAddress revealAddress(Caller caller, UUID id, String purpose) {
		caller.requireAnyRole(Access.PLAINTEXT_READERS);
		String why = requirePurpose(purpose);
		Household household = households.find(id).orElseThrow(() -> DomainProblem.notFound(HOUSEHOLD, id));
		caller.requireCovers(household.region(), HOUSEHOLD, id);
		HouseholdRepository.Secrets secrets = households.secrets(id).orElseThrow();
		String address = personal.decrypt(secrets.addressCipher(), PersonalData.contextOf("household", id, "address"));
		audit.recordPlaintextRead(caller, "household", id.toString(), "address", why);
		return new RevealedAddress(id, address, why);
	}

	/** A household's address in plain text. */
	public record RevealedAddress(UUID id, String address, String purpose) {
	}

	// ---- residents ----------------------------------------------------------------------------------------

	@Transactional
	public Resident addResident(Caller caller, ResidentDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		Household household = households.find(draft.householdId())
			.filter(h -> caller.covers(h.region()))
			.orElseThrow(() -> DomainProblem.invalidField("householdId", "unknown-reference"));
		return insertResident(caller.tenant(), household.id(), draft.input(), "");
	}

	@Transactional(readOnly = true)
	public Resident resident(Caller caller, UUID id) {
		caller.requireAnyRole(Access.HOUSEHOLD_READERS);
		Resident resident = households.findResident(id).orElseThrow(() -> DomainProblem.notFound(RESIDENT, id));
		Household household = households.find(resident.householdId()).orElseThrow();
		caller.requireCovers(household.region(), RESIDENT, id);
		return resident;
	}

	@Transactional
	public Resident changeResident(Caller caller, UUID id, long version, ResidentChange change) {
		caller.requireAnyRole(Access.MANAGERS);
		Resident current = households.findResident(id).orElseThrow(() -> DomainProblem.notFound(RESIDENT, id));
		Household household = households.find(current.householdId()).orElseThrow();
		caller.requireCovers(household.region(), RESIDENT, id);
		ResidentInput input = new ResidentInput(change.name() == null ? current.name() : change.name(),
				change.relation() == null ? current.relation() : change.relation(), change.idNumber(), change.phone(),
				change.careTags() == null ? current.careTags() : change.careTags());
		HouseholdRepository.ResidentRow row = residentRow(id, current.householdId(), input, "");
		try {
			return households.updateResident(id, version, row, change.status() == null ? current.status()
					: change.status())
				.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.conflict("resident-id-number-registered");
		}
	}

	/** Exact lookup by ID number or phone through the blind index; masked results within the caller's scope. */
	@Transactional(readOnly = true)
	public List<Resident> search(Caller caller, ResidentSearch search) {
		caller.requireAnyRole(Access.PLAINTEXT_READERS);
		boolean byId = search.idNumber() != null && !search.idNumber().isBlank();
		boolean byPhone = search.phone() != null && !search.phone().isBlank();
		if (!byId && !byPhone) {
			throw DomainProblem.invalidField("idNumber", "search-criterion-required");
		}
		String idBlind = byId ? personal.blindIdNumber(PersonalData.normalizeIdNumber(search.idNumber(), "idNumber"))
				: null;
		String phoneBlind = byPhone ? personal.blindPhone(PersonalData.normalizePhone(search.phone(), "phone")) : null;
		return households.searchResidents(idBlind, phoneBlind)
			.stream()
			.filter(m -> caller.covers(m.region()))
			.map(HouseholdRepository.Match::resident)
			.toList();
	}

	/** Plaintext ID number and/or phone for a stated purpose; every field read is audited in this transaction. */
	@Transactional
	public RevealedResident reveal(Caller caller, UUID id, Set<String> fields, String purpose) {
		caller.requireAnyRole(Access.PLAINTEXT_READERS);
		String why = requirePurpose(purpose);
		Set<String> wanted = fields == null || fields.isEmpty() ? REVEALABLE : fields;
		for (String field : wanted) {
			if (!REVEALABLE.contains(field)) {
				throw DomainProblem.invalidField("fields", "reveal-field", String.join(", ", REVEALABLE));
			}
		}
		Resident resident = households.findResident(id).orElseThrow(() -> DomainProblem.notFound(RESIDENT, id));
		Household household = households.find(resident.householdId()).orElseThrow();
		caller.requireCovers(household.region(), RESIDENT, id);
		HouseholdRepository.ResidentSecrets secrets = households.residentSecrets(id).orElseThrow();
		String idNumber = null;
		String phone = null;
		if (wanted.contains("idNumber") && secrets.idCipher() != null) {
			idNumber = personal.decrypt(secrets.idCipher(), PersonalData.contextOf("resident", id, "id_number"));
			audit.recordPlaintextRead(caller, "resident", id.toString(), "id_number", why);
		}
		if (wanted.contains("phone") && secrets.phoneCipher() != null) {
			phone = personal.decrypt(secrets.phoneCipher(), PersonalData.contextOf("resident", id, "phone"));
			audit.recordPlaintextRead(caller, "resident", id.toString(), "phone", why);
		}
		return new RevealedResident(id, resident.name(), idNumber, phone, why);
	}

	/** The audit trail of plaintext reads, newest first, for auditors and the district administrator. */
	@Transactional(readOnly = true)
	public Page<PersonalDataAudit.Access> accessLog(Caller caller, String resourceType, String resourceId,
			String accessor, OffsetDateTime before, Integer limit, String cursor) {
		caller.requireAnyRole(Roles.AUDITOR, Roles.TENANT_ADMIN);
		return audit.page(resourceType, resourceId, accessor, before, cursor, Cursor.limit(limit));
	}

	// ---- shared with the import ---------------------------------------------------------------------------

	Resident insertResident(String tenant, UUID householdId, ResidentInput input, String fieldPrefix) {
		try {
			return households.insertResident(tenant, residentRow(UUID.randomUUID(), householdId, input, fieldPrefix));
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.conflict("resident-id-number-registered");
		}
	}

	HouseholdRepository.ResidentRow residentRow(UUID id, UUID householdId, ResidentInput input, String fieldPrefix) {
		String idNumber = blank(input.idNumber()) ? null
				: PersonalData.normalizeIdNumber(input.idNumber(), fieldPrefix + "idNumber");
		String phone = blank(input.phone()) ? null : PersonalData.normalizePhone(input.phone(), fieldPrefix + "phone");
		LocalDate birth = idNumber == null ? null
				: LocalDate.parse(idNumber.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
		String gender = idNumber == null ? null : ((idNumber.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
		return new HouseholdRepository.ResidentRow(id, householdId, input.name().strip(),
				input.relation() == null ? Relation.OTHER : input.relation(), gender, birth,
				personal.idNumber(idNumber, PersonalData.contextOf("resident", id, "id_number")),
				personal.phone(phone, PersonalData.contextOf("resident", id, "phone")),
				input.careTags() == null ? List.of() : input.careTags());
	}

	String contentHash(UUID gridId, UUID buildingId, UUID compoundId, String address, List<CareTag> tags) {
		return personal.digest(gridId + "|" + buildingId + "|" + compoundId + "|" + address + "|"
				+ String.join(",", HouseholdRepository.tags(tags)));
	}

	private void checkPlacement(GridRef grid, UUID buildingId, UUID compoundId) {
		if (buildingId != null) {
			Building building = buildings.find(buildingId)
				.orElseThrow(() -> DomainProblem.invalidField("buildingId", "unknown-reference"));
			if (!building.gridId().equals(grid.id())) {
				throw DomainProblem.invalidField("buildingId", "building-other-grid");
			}
		}
		if (compoundId != null && compounds.find(compoundId).isEmpty()) {
			throw DomainProblem.invalidField("compoundId", "unknown-reference");
		}
	}

	static String requirePurpose(String purpose) {
		if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
			throw DomainProblem.invalidField("purpose", "purpose-required");
		}
		return purpose.strip();
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
