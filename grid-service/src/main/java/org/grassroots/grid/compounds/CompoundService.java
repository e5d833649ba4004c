package org.grassroots.grid.compounds;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.grid.support.Access;
import org.grassroots.grid.support.Points;
import org.grassroots.defaults.security.Regions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residential compounds (小区) with their population. Center-service reads them through the provider list for its
 * 15-minute coverage analysis: that list carries no personal data and is open to every caller of the district.
 */
@Service
public class CompoundService {

	static final String RESOURCE = "小区";

	private final CompoundRepository compounds;

	CompoundService(CompoundRepository compounds) {
		this.compounds = compounds;
	}

	/** For other features: a compound of the tenant. */
	public Optional<Compound> find(UUID id) {
		return compounds.find(id);
	}

	/** For imports: compounds by code. */
	public Map<String, Compound> byCodes(Collection<String> codes) {
		return compounds.byCodes(codes);
	}

	@Transactional
	public Compound create(Caller caller, CompoundDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		Regions.requireInTenant(caller, "region", draft.region());
		if (!caller.covers(draft.region())) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "region-outside-scope", caller.scopePrefix());
		}
		Points.require(draft.location().lat(), draft.location().lng(), "location.lat", "location.lng", true);
		try {
			return compounds.insert(caller.tenant(), UUID.randomUUID(), draft);
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.conflict("code-taken", draft.code());
		}
	}

	@Transactional(readOnly = true)
	public Compound get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.HOUSEHOLD_READERS);
		Compound compound = compounds.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(compound.region(), RESOURCE, id);
		return compound;
	}

	/** The provider list: anyone of the district (center-service relays its caller), within the caller's scope. */
	@Transactional(readOnly = true)
	public Page<CompoundSummary> list(Caller caller, String region, Integer limit, String cursor) {
		if (caller.tenant() == null) {
			throw DomainProblem.forbidden();
		}
		caller.requireScope("compounds:read");
		String prefix = caller.scopePrefix();
		if (region != null && !region.isBlank()) {
			Regions.requireInTenant(caller, "region", region);
			if (Regions.within(region, prefix)) {
				prefix = region;
			}
			else if (!Regions.within(prefix, region)) {
				// disjoint from the caller's scope
				return new Page<>(List.of(), null);
			}
		}
		int size = Cursor.limit(limit);
		Page<Compound> page = Page.of(compounds.page(prefix, Cursor.afterId(cursor), size + 1), size,
				c -> c.id().toString());
		return new Page<>(page.items().stream().map(Compound::summary).toList(), page.nextCursor());
	}

	@Transactional
	public Compound change(Caller caller, UUID id, long version, CompoundChange change) {
		caller.requireAnyRole(Access.MANAGERS);
		Compound current = compounds.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(current.region(), RESOURCE, id);
		LatLng location = change.location() == null ? current.location() : change.location();
		if (change.location() != null) {
			Points.require(location.lat(), location.lng(), "location.lat", "location.lng", true);
		}
		return compounds.update(id, version, change.name() == null ? current.name() : change.name().strip(), location,
				change.population() == null ? current.population() : change.population())
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
	}
}
