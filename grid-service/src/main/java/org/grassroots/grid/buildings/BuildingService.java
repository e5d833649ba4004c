package org.grassroots.grid.buildings;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.grid.compounds.CompoundService;
import org.grassroots.grid.compounds.LatLng;
import org.grassroots.grid.grids.GridRef;
import org.grassroots.grid.grids.GridService;
import org.grassroots.grid.support.Access;
import org.grassroots.grid.support.Points;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Buildings (楼栋) in grids. */
@Service
public class BuildingService {

	static final String RESOURCE = "楼栋";

	private final BuildingRepository buildings;

	private final GridService grids;

	private final CompoundService compounds;

	BuildingService(BuildingRepository buildings, GridService grids, CompoundService compounds) {
		this.buildings = buildings;
		this.grids = grids;
		this.compounds = compounds;
	}

	/** For other features. */
	public Optional<Building> find(UUID id) {
		return buildings.find(id);
	}

	/** For imports. */
	public Map<String, Building> byCodes(Collection<String> codes) {
		return buildings.byCodes(codes);
	}

	@Transactional
	public Building create(Caller caller, BuildingDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		GridRef grid = grids.requireActive(caller, draft.gridId(), "gridId");
		if (draft.compoundId() != null && compounds.find(draft.compoundId()).isEmpty()) {
			throw DomainProblem.invalidField("compoundId", "unknown-reference");
		}
		if (draft.location() != null) {
			Points.require(draft.location().lat(), draft.location().lng(), "location.lat", "location.lng", true);
		}
		try {
			return buildings.insert(caller.tenant(), UUID.randomUUID(), draft, grid.region());
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.conflict("code-taken", draft.code());
		}
	}

	@Transactional(readOnly = true)
	public Building get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.HOUSEHOLD_READERS);
		Building building = buildings.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(building.region(), RESOURCE, id);
		return building;
	}

	@Transactional(readOnly = true)
	public Page<Building> list(Caller caller, UUID gridId, UUID compoundId, Integer limit, String cursor) {
		caller.requireAnyRole(Access.HOUSEHOLD_READERS);
		int size = Cursor.limit(limit);
		return Page.of(buildings.page(caller.scopePrefix(), gridId, compoundId, Cursor.afterId(cursor), size + 1),
				size, b -> b.id().toString());
	}

	@Transactional
	public Building change(Caller caller, UUID id, long version, BuildingChange change) {
		caller.requireAnyRole(Access.MANAGERS);
		Building current = buildings.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(current.region(), RESOURCE, id);
		if (change.compoundId() != null && compounds.find(change.compoundId()).isEmpty()) {
			throw DomainProblem.invalidField("compoundId", "unknown-reference");
		}
		LatLng location = change.location() == null ? current.location() : change.location();
		if (change.location() != null) {
			Points.require(location.lat(), location.lng(), "location.lat", "location.lng", true);
		}
		return buildings.update(id, version, change.name() == null ? current.name() : change.name().strip(),
				change.compoundId() == null ? current.compoundId() : change.compoundId(), location,
				change.floors() == null ? current.floors() : change.floors())
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
	}
}
