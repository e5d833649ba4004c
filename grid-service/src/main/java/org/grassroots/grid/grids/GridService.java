package org.grassroots.grid.grids;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.problem.DomainProblem.FieldProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.grid.geo.GeoJsonPolygons;
import org.grassroots.grid.geo.GeometryProblem;
import org.grassroots.grid.geo.ParsedArea;
import org.grassroots.grid.support.Access;
import org.grassroots.grid.support.Points;
import org.grassroots.defaults.security.Regions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grids: the hierarchy street → community → grid → micro-grid with boundaries, staff and party branch; bulk import
 * of GeoJSON; point location. Managers act within their region; everybody in the district may locate.
 */
@Service
public class GridService {

	static final String RESOURCE = "网格";

	/** Features per import request (the body limit bounds it too). */
	static final int MAX_IMPORT_FEATURES = 2_000;

	private final GridRepository grids;

	private final GridIndex index;

	private final GridIndexSync sync;

	private final JsonMapper json;

	GridService(GridRepository grids, GridIndex index, GridIndexSync sync, JsonMapper json) {
		this.grids = grids;
		this.index = index;
		this.sync = sync;
		this.json = json;
	}

	// ---- for other features (inside their transaction) ---------------------------------------------------

	/** A grid of the caller's tenant, active or retired. */
	public Optional<GridRef> find(UUID id) {
		return grids.findSummary(id).map(Grid::ref);
	}

	/** An active grid the caller covers; 404 otherwise, 400 when it is retired. */
	public GridRef requireActive(Caller caller, UUID id, String field) {
		Grid grid = grids.findSummary(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(grid.region(), RESOURCE, id);
		if (!"ACTIVE".equals(grid.status())) {
			throw DomainProblem.invalidField(field, "grid-retired");
		}
		return grid.ref();
	}

	/** Active units by code (for imports). */
	public Map<String, GridRef> activeByCodes(Collection<String> codes) {
		Map<String, GridRef> out = new HashMap<>();
		grids.findByCodes(codes).forEach((code, grid) -> {
			if ("ACTIVE".equals(grid.status())) {
				out.put(code, grid.ref());
			}
		});
		return out;
	}

	public List<GridRef> byRegions(Collection<String> regions) {
		return grids.byRegions(regions);
	}

	public boolean isStaff(UUID gridId, String subject) {
		return grids.isStaff(gridId, subject);
	}

	// ---- API ----------------------------------------------------------------------------------------------

	@Transactional
	public Grid create(Caller caller, GridDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		GridLevel level = draft.level();
		String region;
		if (level == GridLevel.STREET) {
			if (draft.parentId() != null) {
				throw DomainProblem.invalidField("parentId", "grid-street-parent");
			}
			region = caller.tenant() + "/" + draft.code();
		}
		else {
			if (draft.parentId() == null) {
				throw DomainProblem.invalidField("parentId", "grid-parent-required");
			}
			Grid parent = grids.findSummary(draft.parentId())
				.filter(p -> caller.covers(p.region()) || caller.covers(p.region() + "/" + draft.code()))
				.orElseThrow(() -> DomainProblem.invalidField("parentId", "grid-parent-unknown"));
			if (parent.level() != level.parentLevel()) {
				throw DomainProblem.invalidField("parentId", "grid-parent-level", level.parentLevel());
			}
			if (!"ACTIVE".equals(parent.status())) {
				throw DomainProblem.invalidField("parentId", "grid-retired");
			}
			region = parent.region() + "/" + draft.code();
		}
		if (!caller.covers(region)) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "grid-outside-scope", caller.scopePrefix());
		}
		ParsedArea area = area(draft.geometry(), level, "geometry");
		List<GridStaffMember> staff = draft.staff() == null ? List.of() : draft.staff();
		validateStaff(staff, "staff");
		Grid grid;
		try {
			grid = grids.insert(caller.tenant(), new GridRepository.Row(UUID.randomUUID(), draft.code(),
					draft.name().strip(), level, draft.parentId(), region, area, draft.partyBranchId()));
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.conflict("grid-code-taken", draft.code());
		}
		grids.replaceStaff(caller.tenant(), grid.id(), staff);
		sync.changed(caller.tenant());
		return grid.withStaff(grids.staff(grid.id()));
	}

	@Transactional(readOnly = true)
	public Grid get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.plus(Access.CASE_STAFF, org.grassroots.defaults.security.Roles.AUDITOR));
		Grid grid = grids.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(grid.region(), RESOURCE, id);
		return grid.withStaff(grids.staff(id));
	}

	@Transactional(readOnly = true)
	public Page<Grid> list(Caller caller, String region, GridLevel level, UUID parentId, String status,
			boolean geometry, Integer limit, String cursor) {
		caller.requireAnyRole(Access.plus(Access.CASE_STAFF, org.grassroots.defaults.security.Roles.AUDITOR));
		String prefix = caller.scopePrefix();
		if (region != null && !region.isBlank()) {
			Regions.requireInTenant(caller, "region", region);
			if (!caller.covers(region)) {
				return new Page<>(List.of(), null);
			}
			prefix = region;
		}
		if (status != null && !status.equals("ACTIVE") && !status.equals("RETIRED")) {
			throw DomainProblem.invalidField("status", "grid-status");
		}
		int size = Cursor.limit(limit);
		return Page.of(grids.page(prefix, level, parentId, status, geometry, Cursor.afterId(cursor), size + 1),
				size, g -> g.id().toString());
	}

	@Transactional(readOnly = true)
	public List<Grid> mine(Caller caller) {
		return grids.staffedBy(caller.subject());
	}

	@Transactional
	public Grid change(Caller caller, UUID id, long expectedVersion, GridChange change) {
		caller.requireAnyRole(Access.MANAGERS);
		Grid current = grids.findSummary(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(current.region(), RESOURCE, id);
		if (!"ACTIVE".equals(current.status())) {
			throw DomainProblem.conflict("grid-retired-change", current.code());
		}
		boolean replaceArea = change.geometry() != null && !change.geometry().isNull();
		ParsedArea area = replaceArea ? area(change.geometry(), current.level(), "geometry") : null;
		UUID branch = Boolean.TRUE.equals(change.clearPartyBranch()) ? null
				: change.partyBranchId() != null ? change.partyBranchId() : current.partyBranchId();
		String name = change.name() == null ? current.name() : change.name().strip();
		Grid updated = grids.update(id, expectedVersion, name, area, replaceArea, branch, false)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
		if (replaceArea) {
			sync.changed(caller.tenant());
		}
		return updated.withStaff(grids.staff(id));
	}

	@Transactional
	public Grid retire(Caller caller, UUID id, long expectedVersion) {
		caller.requireAnyRole(Access.MANAGERS);
		Grid current = grids.findSummary(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(current.region(), RESOURCE, id);
		if (!"ACTIVE".equals(current.status())) {
			throw DomainProblem.conflict("grid-already-retired", current.code());
		}
		int children = grids.activeChildren(id);
		if (children > 0) {
			throw DomainProblem.conflict("grid-has-children", current.code(), children);
		}
		Grid retired = grids.retire(id, expectedVersion)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
		sync.changed(caller.tenant());
		return retired.withStaff(grids.staff(id));
	}

	@Transactional
	public Grid assignStaff(Caller caller, UUID id, long expectedVersion, StaffAssignment assignment) {
		caller.requireAnyRole(Access.MANAGERS);
		Grid current = grids.findSummary(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(current.region(), RESOURCE, id);
		validateStaff(assignment.staff(), "staff");
		Grid touched = grids.touch(id, expectedVersion)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
		grids.replaceStaff(caller.tenant(), id, assignment.staff());
		return touched.withStaff(grids.staff(id));
	}

	/** Outside any transaction: the index reads the database only when it must be (re)built. */
	public Located locate(Caller caller, Double lat, Double lng) {
		if (caller.tenant() == null) {
			throw DomainProblem.forbidden();
		}
		Points.require(lat, lng, "lat", "lng", true);
		return index.locate(caller.tenant(), lat, lng)
			.orElseThrow(() -> new DomainProblem(HttpStatus.NOT_FOUND, "no-grid-at-location", lat, lng));
	}

	// ---- bulk import --------------------------------------------------------------------------------------

	/** One feature as read from the collection. */
	private record Feature(int index, String code, String name, GridLevel level, String parentCode, UUID branch,
			ParsedArea area, List<GridStaffMember> staff) {
	}

	@Transactional
	public GridImportResult importCollection(Caller caller, JsonNode collection) {
		caller.requireAnyRole(Access.MANAGERS);
		if (collection == null || !collection.isObject() || collection.get("type") == null
				|| !"FeatureCollection".equals(collection.get("type").asString())) {
			throw DomainProblem.invalidField("type", "feature-collection");
		}
		JsonNode features = collection.get("features");
		if (features == null || !features.isArray()) {
			throw DomainProblem.invalidField("features", "feature-collection");
		}
		if (features.isEmpty() || features.size() > MAX_IMPORT_FEATURES) {
			throw DomainProblem.invalidField("features", "import-size", MAX_IMPORT_FEATURES);
		}
		List<FieldProblem> errors = new ArrayList<>();
		List<Feature> parsed = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < features.size(); i++) {
			Feature feature = readFeature(features.get(i), i, errors);
			if (feature != null) {
				if (!seen.add(feature.code())) {
					errors.add(new FieldProblem(at(i, "properties.code"), "import-duplicate-code", feature.code()));
					continue;
				}
				parsed.add(feature);
			}
		}
		Set<String> codes = new HashSet<>(seen);
		parsed.stream().map(Feature::parentCode).filter(Objects::nonNull).forEach(codes::add);
		Map<String, Grid> existing = grids.findByCodes(codes);
		Map<String, String> storedGeometry = grids.geometriesByCode(seen);
		// parents before children
		parsed.sort(Comparator.comparingInt((Feature f) -> f.level().depth()).thenComparingInt(Feature::index));
		Map<String, UUID> idByCode = new HashMap<>();
		Map<String, String> regionByCode = new HashMap<>();
		Map<String, GridLevel> levelByCode = new HashMap<>();
		existing.forEach((code, grid) -> {
			if ("ACTIVE".equals(grid.status())) {
				idByCode.put(code, grid.id());
				regionByCode.put(code, grid.region());
				levelByCode.put(code, grid.level());
			}
		});
		List<Runnable> writes = new ArrayList<>();
		GridImportResult.Item[] items = new GridImportResult.Item[features.size()];
		int[] counts = new int[3];
		for (Feature f : parsed) {
			String region;
			UUID parentId = null;
			if (f.level() == GridLevel.STREET) {
				if (f.parentCode() != null) {
					errors.add(new FieldProblem(at(f.index(), "properties.parentCode"), "grid-street-parent"));
					continue;
				}
				region = caller.tenant() + "/" + f.code();
			}
			else {
				if (f.parentCode() == null) {
					errors.add(new FieldProblem(at(f.index(), "properties.parentCode"), "grid-parent-required"));
					continue;
				}
				String parentRegion = regionByCode.get(f.parentCode());
				if (parentRegion == null) {
					errors.add(new FieldProblem(at(f.index(), "properties.parentCode"), "import-parent-unknown",
							f.parentCode()));
					continue;
				}
				if (levelByCode.get(f.parentCode()) != f.level().parentLevel()) {
					errors.add(new FieldProblem(at(f.index(), "properties.parentCode"), "grid-parent-level",
							f.level().parentLevel()));
					continue;
				}
				parentId = idByCode.get(f.parentCode());
				region = parentRegion + "/" + f.code();
			}
			if (!caller.covers(region)) {
				errors.add(new FieldProblem(at(f.index(), "properties.code"), "import-outside-scope", region));
				continue;
			}
			Grid before = existing.get(f.code());
			if (before != null && (before.level() != f.level() || !before.region().equals(region))) {
				errors.add(new FieldProblem(at(f.index(), "properties"), "import-fixed-fields", f.code(),
						before.region()));
				continue;
			}
			UUID id = before == null ? UUID.randomUUID() : before.id();
			idByCode.put(f.code(), id);
			regionByCode.put(f.code(), region);
			levelByCode.put(f.code(), f.level());
			if (before == null) {
				UUID parent = parentId;
				writes.add(() -> {
					grids.insert(caller.tenant(),
							new GridRepository.Row(id, f.code(), f.name(), f.level(), parent, region, f.area(), f.branch()));
					if (f.staff() != null) {
						grids.replaceStaff(caller.tenant(), id, f.staff());
					}
				});
				items[f.index()] = new GridImportResult.Item(f.index(), f.code(), id, "CREATED");
				counts[0]++;
			}
			else if (sameAs(before, f, storedGeometry.get(f.code()))
					&& (f.staff() == null || sameStaff(grids.staff(id), f.staff()))) {
				items[f.index()] = new GridImportResult.Item(f.index(), f.code(), id, "UNCHANGED");
				counts[2]++;
			}
			else {
				boolean reactivate = !"ACTIVE".equals(before.status());
				writes.add(() -> {
					grids.update(id, null, f.name(), f.area(), true, f.branch(), reactivate);
					if (f.staff() != null) {
						grids.replaceStaff(caller.tenant(), id, f.staff());
					}
				});
				items[f.index()] = new GridImportResult.Item(f.index(), f.code(), id, "UPDATED");
				counts[1]++;
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldProblem::field));
			throw new DomainProblem(HttpStatus.BAD_REQUEST, "import-rejected", errors, errors.size(),
					features.size());
		}
		writes.forEach(Runnable::run);
		if (!writes.isEmpty()) {
			sync.changed(caller.tenant());
		}
		return new GridImportResult(counts[0], counts[1], counts[2], List.of(items));
	}

	private Feature readFeature(JsonNode feature, int i, List<FieldProblem> errors) {
		if (feature == null || !feature.isObject() || feature.get("type") == null
				|| !"Feature".equals(feature.get("type").asString())) {
			errors.add(new FieldProblem(at(i, "type"), "feature-required"));
			return null;
		}
		JsonNode props = feature.get("properties");
		if (props == null || !props.isObject()) {
			errors.add(new FieldProblem(at(i, "properties"), "feature-properties"));
			return null;
		}
		int before = errors.size();
		String code = text(props, "code");
		if (code == null || !code.matches("[0-9A-Za-z-]{1,32}")) {
			errors.add(new FieldProblem(at(i, "properties.code"), "grid-code-format"));
		}
		String name = text(props, "name");
		if (name == null || name.isBlank() || name.length() > 100) {
			errors.add(new FieldProblem(at(i, "properties.name"), "grid-name"));
		}
		GridLevel level = null;
		String levelText = text(props, "level");
		try {
			level = levelText == null ? GridLevel.GRID : GridLevel.valueOf(levelText);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldProblem(at(i, "properties.level"), "grid-level"));
		}
		String parentCode = text(props, "parentCode");
		UUID branch = null;
		String branchText = text(props, "partyBranchId");
		if (branchText != null) {
			try {
				branch = UUID.fromString(branchText);
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldProblem(at(i, "properties.partyBranchId"), "type-mismatch"));
			}
		}
		List<GridStaffMember> staff = null;
		JsonNode staffNode = props.get("staff");
		if (staffNode != null && !staffNode.isNull()) {
			staff = readStaff(staffNode, at(i, "properties.staff"), errors);
		}
		ParsedArea area = null;
		JsonNode geometry = feature.get("geometry");
		if (level != null) {
			try {
				area = (geometry == null || geometry.isNull()) && !level.requiresGeometry() ? null
						: GeoJsonPolygons.parse(geometry);
			}
			catch (GeometryProblem ex) {
				errors.add(new FieldProblem(at(i, "geometry"), ex.code(), ex.args()));
			}
		}
		if (errors.size() > before) {
			return null;
		}
		return new Feature(i, code, name.strip(), level, parentCode, branch, area, staff);
	}

	private static List<GridStaffMember> readStaff(JsonNode node, String path, List<FieldProblem> errors) {
		if (!node.isArray() || node.size() > 200) {
			errors.add(new FieldProblem(path, "type-mismatch"));
			return null;
		}
		List<GridStaffMember> staff = new ArrayList<>();
		for (int j = 0; j < node.size(); j++) {
			JsonNode member = node.get(j);
			String subject = member == null || !member.isObject() ? null : text(member, "subject");
			String name = member == null || !member.isObject() ? null : text(member, "name");
			String role = member == null || !member.isObject() ? null : text(member, "role");
			StaffRole staffRole = null;
			try {
				staffRole = role == null ? null : StaffRole.valueOf(role);
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			if (subject == null || subject.length() > 200 || name == null || name.length() > 50 || staffRole == null) {
				errors.add(new FieldProblem(path + "[" + j + "]", "staff-member"));
				continue;
			}
			staff.add(new GridStaffMember(subject, name, staffRole));
		}
		try {
			validateStaff(staff, path);
		}
		catch (DomainProblem ex) {
			ex.fieldProblems().forEach(errors::add);
			return null;
		}
		return staff;
	}

	private static boolean sameStaff(List<GridStaffMember> stored, List<GridStaffMember> given) {
		return new HashSet<>(stored).equals(new HashSet<>(given)) && stored.size() == given.size();
	}

	private boolean sameAs(Grid before, Feature f, String storedGeometry) {
		if (!"ACTIVE".equals(before.status()) || !before.name().equals(f.name())
				|| !Objects.equals(before.partyBranchId(), f.branch())) {
			return false;
		}
		if (storedGeometry == null || f.area() == null) {
			return storedGeometry == null && f.area() == null;
		}
		return json.readTree(storedGeometry).equals(json.readTree(f.area().geoJson()));
	}

	private static String text(JsonNode props, String name) {
		JsonNode value = props.get(name);
		return value == null || value.isNull() || !value.isString() ? null : value.stringValue().strip();
	}

	private static String at(int index, String field) {
		return "features[" + index + "]." + field;
	}

	private static ParsedArea area(JsonNode geometry, GridLevel level, String field) {
		if (geometry == null || geometry.isNull()) {
			if (level.requiresGeometry()) {
				throw DomainProblem.invalidField(field, "geometry-required");
			}
			return null;
		}
		try {
			return GeoJsonPolygons.parse(geometry);
		}
		catch (GeometryProblem ex) {
			throw new DomainProblem(HttpStatus.BAD_REQUEST, "validation",
					List.of(new FieldProblem(field, ex.code(), ex.args())));
		}
	}

	private static void validateStaff(List<GridStaffMember> staff, String field) {
		long heads = staff.stream().filter(s -> s.role() == StaffRole.HEAD).count();
		long instructors = staff.stream().filter(s -> s.role() == StaffRole.INSTRUCTOR).count();
		if (heads > 1) {
			throw DomainProblem.invalidField(field, "staff-one-head");
		}
		if (instructors > 1) {
			throw DomainProblem.invalidField(field, "staff-one-instructor");
		}
		Set<String> subjects = new HashSet<>();
		for (GridStaffMember member : staff) {
			if (!subjects.add(member.subject().strip())) {
				throw DomainProblem.invalidField(field, "staff-duplicate", member.subject());
			}
		}
	}
}
