package org.grassroots.grid.households;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.problem.DomainProblem.FieldProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.grid.buildings.Building;
import org.grassroots.grid.buildings.BuildingService;
import org.grassroots.grid.compounds.Compound;
import org.grassroots.grid.compounds.CompoundService;
import org.grassroots.grid.grids.GridLevel;
import org.grassroots.grid.grids.GridRef;
import org.grassroots.grid.grids.GridService;
import org.grassroots.grid.support.Access;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import of households with their residents, from CSV (one row per resident) or JSON (households with
 * nested residents). Idempotent: households are upserted by code, residents matched by ID number (blind index) or,
 * without one, by name within the household; importing the same file twice changes nothing. All or nothing: every
 * row is checked first and any problem answers 400 {@code import-rejected} with one entry per problem (CSV rows
 * by line number) and writes nothing. Residents not in the file are left as they are.
 */
@Service
class HouseholdImport {

	static final int MAX_ROWS = 5_000;

	static final List<String> CSV_COLUMNS = List.of("household_code", "grid_code", "building_code", "compound_code",
			"address", "household_care_tags", "resident_name", "relation", "id_number", "phone",
			"resident_care_tags");

	private final HouseholdRepository households;

	private final HouseholdService service;

	private final GridService grids;

	private final BuildingService buildings;

	private final CompoundService compounds;

	private final PersonalData personal;

	HouseholdImport(HouseholdRepository households, HouseholdService service, GridService grids,
			BuildingService buildings, CompoundService compounds, PersonalData personal) {
		this.households = households;
		this.service = service;
		this.grids = grids;
		this.buildings = buildings;
		this.compounds = compounds;
		this.personal = personal;
	}

	/** One household read from the input; {@code fields} maps logical field names to their paths for errors. */
	private static final class Item {

		String code;

		String gridCode;

		String buildingCode;

		String compoundCode;

		String address;

		List<CareTag> careTags = List.of();

		String path;

		final Map<String, String> fieldPaths = new HashMap<>();

		final List<Person> residents = new ArrayList<>();

		String pathOf(String field) {
			return fieldPaths.getOrDefault(field, path + "." + field);
		}
	}

	/** One resident read from the input. */
	private record Person(String path, Map<String, String> fieldPaths, ResidentInput input) {

		String pathOf(String field) {
			return fieldPaths.getOrDefault(field, path + "." + field);
		}
	}

	// ---- reading ------------------------------------------------------------------------------------------

	@Transactional
	public HouseholdImportResult importCsv(Caller caller, byte[] body) {
		caller.requireAnyRole(Access.MANAGERS);
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw DomainProblem.invalidField("body", "csv-encoding");
		}
		List<Csv.Row> rows;
		try {
			rows = Csv.parse(text);
		}
		catch (Csv.MalformedCsv ex) {
			throw DomainProblem.invalidField("rows[" + ex.line + "]", "csv-quote");
		}
		if (rows.isEmpty()) {
			throw DomainProblem.invalidField("body", "csv-header");
		}
		List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		if (!header.containsAll(List.of("household_code", "grid_code", "address"))
				|| !CSV_COLUMNS.containsAll(header)) {
			throw DomainProblem.invalidField("header", "csv-header");
		}
		if (rows.size() - 1 > MAX_ROWS || rows.size() < 2) {
			throw DomainProblem.invalidField("rows", "import-size", MAX_ROWS);
		}
		List<FieldProblem> errors = new ArrayList<>();
		Map<String, Item> byCode = new LinkedHashMap<>();
		for (Csv.Row row : rows.subList(1, rows.size())) {
			String path = "rows[" + row.line() + "]";
			if (row.fields().size() != header.size()) {
				errors.add(new FieldProblem(path, "csv-columns", header.size(), row.fields().size()));
				continue;
			}
			Map<String, String> v = new HashMap<>();
			for (int i = 0; i < header.size(); i++) {
				String value = row.fields().get(i).strip();
				v.put(header.get(i), value.isEmpty() ? null : value);
			}
			String code = v.get("household_code");
			if (code == null) {
				errors.add(new FieldProblem(path + ".household_code", "required"));
				continue;
			}
			Item item = byCode.get(code);
			List<CareTag> householdTags = tags(v.get("household_care_tags"), path + ".household_care_tags", errors);
			if (item == null) {
				item = new Item();
				item.code = code;
				item.path = path;
				item.gridCode = v.get("grid_code");
				item.buildingCode = v.get("building_code");
				item.compoundCode = v.get("compound_code");
				item.address = v.get("address");
				item.careTags = householdTags;
				for (String column : List.of("household_code", "grid_code", "building_code", "compound_code",
						"address", "household_care_tags")) {
					item.fieldPaths.put(logical(column), path + "." + column);
				}
				byCode.put(code, item);
			}
			else if (!Objects.equals(item.gridCode, v.get("grid_code"))
					|| !Objects.equals(item.address, v.get("address"))
					|| !Objects.equals(item.buildingCode, v.get("building_code"))
					|| !Objects.equals(item.compoundCode, v.get("compound_code"))
					|| (v.get("household_care_tags") != null && !Objects.equals(item.careTags, householdTags))) {
				errors.add(new FieldProblem(path, "csv-household-differs", code, item.path));
				continue;
			}
			if (v.get("resident_name") != null || v.get("id_number") != null || v.get("phone") != null) {
				Relation relation = null;
				if (v.get("relation") != null) {
					try {
						relation = Relation.valueOf(v.get("relation").toUpperCase(Locale.ROOT));
					}
					catch (IllegalArgumentException ex) {
						errors.add(new FieldProblem(path + ".relation", "relation-unknown"));
					}
				}
				Map<String, String> paths = Map.of("name", path + ".resident_name", "relation", path + ".relation",
						"idNumber", path + ".id_number", "phone", path + ".phone", "careTags",
						path + ".resident_care_tags");
				item.residents.add(new Person(path, paths, new ResidentInput(v.get("resident_name"), relation,
						v.get("id_number"), v.get("phone"),
						tags(v.get("resident_care_tags"), path + ".resident_care_tags", errors))));
			}
		}
		return run(caller, new ArrayList<>(byCode.values()), errors);
	}

	@Transactional
	public HouseholdImportResult importJson(Caller caller, JsonNode body) {
		caller.requireAnyRole(Access.MANAGERS);
		JsonNode list = body == null ? null : body.get("households");
		if (list == null || !list.isArray()) {
			throw DomainProblem.invalidField("households", "required");
		}
		if (list.isEmpty() || list.size() > MAX_ROWS) {
			throw DomainProblem.invalidField("households", "import-size", MAX_ROWS);
		}
		List<FieldProblem> errors = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String path = "households[" + i + "]";
			JsonNode h = list.get(i);
			if (h == null || !h.isObject()) {
				errors.add(new FieldProblem(path, "type-mismatch"));
				continue;
			}
			Item item = new Item();
			item.path = path;
			item.code = text(h, "code", path, errors);
			item.gridCode = text(h, "gridCode", path, errors);
			item.buildingCode = text(h, "buildingCode", path, errors);
			item.compoundCode = text(h, "compoundCode", path, errors);
			item.address = text(h, "address", path, errors);
			item.careTags = tagArray(h.get("careTags"), path + ".careTags", errors);
			if (item.code != null && !codes.add(item.code)) {
				errors.add(new FieldProblem(path + ".code", "import-duplicate-code", item.code));
			}
			JsonNode residents = h.get("residents");
			if (residents != null && !residents.isNull()) {
				if (!residents.isArray() || residents.size() > 30) {
					errors.add(new FieldProblem(path + ".residents", "type-mismatch"));
				}
				else {
					for (int j = 0; j < residents.size(); j++) {
						String rpath = path + ".residents[" + j + "]";
						JsonNode r = residents.get(j);
						if (r == null || !r.isObject()) {
							errors.add(new FieldProblem(rpath, "type-mismatch"));
							continue;
						}
						Relation relation = null;
						String relationText = text(r, "relation", rpath, errors);
						if (relationText != null) {
							try {
								relation = Relation.valueOf(relationText);
							}
							catch (IllegalArgumentException ex) {
								errors.add(new FieldProblem(rpath + ".relation", "relation-unknown"));
							}
						}
						item.residents.add(new Person(rpath, Map.of(), new ResidentInput(text(r, "name", rpath, errors),
								relation, text(r, "idNumber", rpath, errors), text(r, "phone", rpath, errors),
								tagArray(r.get("careTags"), rpath + ".careTags", errors))));
					}
				}
			}
			items.add(item);
		}
		return run(caller, items, errors);
	}

	// ---- checking and writing -----------------------------------------------------------------------------

	private HouseholdImportResult run(Caller caller, List<Item> items, List<FieldProblem> errors) {
		Set<String> gridCodes = new HashSet<>();
		Set<String> buildingCodes = new HashSet<>();
		Set<String> compoundCodes = new HashSet<>();
		for (Item item : items) {
			add(gridCodes, item.gridCode);
			add(buildingCodes, item.buildingCode);
			add(compoundCodes, item.compoundCode);
		}
		Map<String, GridRef> gridsByCode = grids.activeByCodes(gridCodes);
		Map<String, Building> buildingsByCode = buildings.byCodes(buildingCodes);
		Map<String, Compound> compoundsByCode = compounds.byCodes(compoundCodes);
		Map<String, Household> existing = households.byCodes(items.stream().map(i -> i.code).filter(Objects::nonNull)
			.toList());

		// residents' ID numbers: valid, unique in the file, not living in another household
		Map<String, String> blindToHousehold = new HashMap<>();
		Map<Person, String> blindOf = new java.util.IdentityHashMap<>();
		for (Item item : items) {
			for (Person person : item.residents) {
				ResidentInput in = person.input();
				if (in.name() == null || in.name().isBlank() || in.name().length() > 50) {
					errors.add(new FieldProblem(person.pathOf("name"), "resident-name"));
				}
				if (in.idNumber() != null) {
					try {
						String blind = personal.blindIdNumber(PersonalData.normalizeIdNumber(in.idNumber(), "idNumber"));
						String other = blindToHousehold.putIfAbsent(blind, item.code);
						if (other != null) {
							errors.add(new FieldProblem(person.pathOf("idNumber"), "import-duplicate-id-number"));
						}
						blindOf.put(person, blind);
					}
					catch (DomainProblem ex) {
						errors.add(new FieldProblem(person.pathOf("idNumber"), "id-number-invalid"));
					}
				}
				if (in.phone() != null) {
					try {
						PersonalData.normalizePhone(in.phone(), "phone");
					}
					catch (DomainProblem ex) {
						errors.add(new FieldProblem(person.pathOf("phone"), "phone-invalid"));
					}
				}
			}
		}
		Map<String, String> registered = households.householdCodesByIdBlind(blindToHousehold.keySet());

		for (Item item : items) {
			if (item.code == null || !item.code.matches("[0-9A-Za-z-]{1,40}")) {
				errors.add(new FieldProblem(item.pathOf("code"), "household-code-format"));
			}
			if (item.address == null || item.address.length() > 200) {
				errors.add(new FieldProblem(item.pathOf("address"), "address-required"));
			}
			GridRef grid = item.gridCode == null ? null : gridsByCode.get(item.gridCode);
			if (grid == null || !caller.covers(grid.region())
					|| (grid.level() != GridLevel.GRID && grid.level() != GridLevel.MICRO_GRID)) {
				errors.add(new FieldProblem(item.pathOf("gridCode"), "import-grid-unknown", String.valueOf(item.gridCode)));
			}
			if (item.buildingCode != null) {
				Building building = buildingsByCode.get(item.buildingCode);
				if (building == null) {
					errors.add(new FieldProblem(item.pathOf("buildingCode"), "import-reference-unknown",
							item.buildingCode));
				}
				else if (grid != null && !building.gridId().equals(grid.id())) {
					errors.add(new FieldProblem(item.pathOf("buildingCode"), "building-other-grid"));
				}
			}
			if (item.compoundCode != null && !compoundsByCode.containsKey(item.compoundCode)) {
				errors.add(new FieldProblem(item.pathOf("compoundCode"), "import-reference-unknown", item.compoundCode));
			}
			Household before = item.code == null ? null : existing.get(item.code);
			if (before != null && !caller.covers(before.region())) {
				errors.add(new FieldProblem(item.pathOf("code"), "import-outside-scope", before.region()));
			}
			for (Person person : item.residents) {
				String blind = blindOf.get(person);
				String elsewhere = blind == null ? null : registered.get(blind);
				if (elsewhere != null && !elsewhere.equals(item.code)) {
					errors.add(new FieldProblem(person.pathOf("idNumber"), "import-id-number-elsewhere", elsewhere));
				}
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparing(FieldProblem::field));
			throw new DomainProblem(HttpStatus.BAD_REQUEST, "import-rejected", errors, errors.size(), items.size());
		}

		int[] h = new int[3];
		int[] r = new int[3];
		Map<String, String> hashes = households.hashesByCode(existing.keySet());
		Map<UUID, Item> toMatch = new LinkedHashMap<>();
		for (Item item : items) {
			GridRef grid = gridsByCode.get(item.gridCode);
			UUID building = item.buildingCode == null ? null : buildingsByCode.get(item.buildingCode).id();
			UUID compound = item.compoundCode == null ? null : compoundsByCode.get(item.compoundCode).id();
			Household before = existing.get(item.code);
			UUID id = before == null ? UUID.randomUUID() : before.id();
			String hash = service.contentHash(grid.id(), building, compound, item.address, item.careTags);
			HouseholdRepository.HouseholdRow row = new HouseholdRepository.HouseholdRow(id, item.code, grid.id(),
					building, compound, grid.region(),
					personal.address(item.address, PersonalData.contextOf("household", id, "address")), item.careTags,
					hash);
			if (before == null) {
				households.insert(caller.tenant(), row);
				h[0]++;
			}
			else if (hash.equals(hashes.get(item.code)) && "ACTIVE".equals(before.status())) {
				h[2]++;
			}
			else {
				households.update(id, null, row, true);
				h[1]++;
			}
			toMatch.put(id, item);
		}
		List<HouseholdRepository.ResidentKeys> keys = households.residentKeys(toMatch.keySet());
		for (Map.Entry<UUID, Item> entry : toMatch.entrySet()) {
			UUID householdId = entry.getKey();
			List<HouseholdRepository.ResidentKeys> present = new ArrayList<>(
					keys.stream().filter(k -> k.householdId().equals(householdId)).toList());
			for (Person person : entry.getValue().residents) {
				ResidentInput in = person.input();
				String blind = blindOf.get(person);
				HouseholdRepository.ResidentKeys match = present.stream()
					.filter(k -> blind != null ? blind.equals(k.idBlind())
							: k.name().equals(in.name().strip()))
					.findFirst()
					.orElse(null);
				if (match == null) {
					service.insertResident(caller.tenant(), householdId, in, "");
					r[0]++;
					continue;
				}
				present.remove(match);
				String phoneBlind = in.phone() == null ? null
						: personal.blindPhone(PersonalData.normalizePhone(in.phone(), "phone"));
				Relation relation = in.relation() == null ? Relation.OTHER : in.relation();
				List<CareTag> tags = in.careTags() == null ? List.of() : in.careTags();
				boolean same = match.name().equals(in.name().strip()) && match.relation() == relation
						&& (phoneBlind == null || phoneBlind.equals(match.phoneBlind()))
						&& List.of(HouseholdRepository.tags(tags)).equals(List.of(HouseholdRepository.tags(match.careTags())))
						&& "ACTIVE".equals(match.status()) && (blind == null || blind.equals(match.idBlind()));
				if (same) {
					r[2]++;
				}
				else {
					households.updateResident(match.id(), null,
							service.residentRow(match.id(), householdId, in, ""), "ACTIVE");
					r[1]++;
				}
			}
		}
		return new HouseholdImportResult(new HouseholdImportResult.Counts(h[0], h[1], h[2]),
				new HouseholdImportResult.Counts(r[0], r[1], r[2]));
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private static String logical(String column) {
		return switch (column) {
			case "household_code" -> "code";
			case "grid_code" -> "gridCode";
			case "building_code" -> "buildingCode";
			case "compound_code" -> "compoundCode";
			case "household_care_tags" -> "careTags";
			default -> column;
		};
	}

	private static List<CareTag> tags(String value, String path, List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		List<CareTag> tags = new ArrayList<>();
		for (String part : value.split("[;|；]")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				tags.add(CareTag.valueOf(part.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldProblem(path, "care-tag-unknown", part.strip()));
			}
		}
		return tags.stream().distinct().sorted().toList();
	}

	private static List<CareTag> tagArray(JsonNode node, String path, List<FieldProblem> errors) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			errors.add(new FieldProblem(path, "type-mismatch"));
			return List.of();
		}
		List<CareTag> tags = new ArrayList<>();
		for (JsonNode tag : node) {
			try {
				tags.add(CareTag.valueOf(tag.asString()));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldProblem(path, "care-tag-unknown", tag.asString()));
			}
		}
		return tags.stream().distinct().sorted().toList();
	}

	private static String text(JsonNode node, String name, String path, List<FieldProblem> errors) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			errors.add(new FieldProblem(path + "." + name, "type-mismatch"));
			return null;
		}
		String text = value.stringValue().strip();
		return text.isEmpty() ? null : text;
	}

	private static void add(Set<String> set, String value) {
		if (value != null) {
			set.add(value);
		}
	}
}
