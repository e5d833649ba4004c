package org.grassroots.center.centers;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.center.catalog.CatalogService;
import org.grassroots.center.map.MapIndexSync;
import org.grassroots.center.settings.TenantZones;
import org.grassroots.center.support.Access;
import org.grassroots.defaults.security.Regions;
import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Centers and stations at every level. Staff create and change centers within their data scope; every change that
 * the public map shows bumps the tenant's index version (see {@link MapIndexSync}).
 */
@Service
public class CenterService {

	private final CenterRepository centers;

	private final CatalogService catalog;

	private final TenantZones zones;

	private final MapIndexSync index;

	private final Outbox outbox;

	CenterService(CenterRepository centers, CatalogService catalog, TenantZones zones, MapIndexSync index,
			Outbox outbox) {
		this.centers = centers;
		this.catalog = catalog;
		this.zones = zones;
		this.index = index;
		this.outbox = outbox;
	}

	@Transactional
	public Center create(Caller caller, CenterDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		Regions.requireWritable(caller, "region", draft.region());
		if (!draft.level().fitsDepth(Regions.depth(draft.region()))) {
			throw DomainProblem.invalidField("region", "center-level-depth", draft.level().name());
		}
		draft.location().requireInChina("location");
		draft.openingHours().compile("openingHours");
		if (draft.parentId() != null) {
			Center parent = centers.find(draft.parentId())
				.orElseThrow(() -> DomainProblem.invalidField("parentId", "center-parent-unknown"));
			if (!Regions.within(draft.region(), parent.region())) {
				throw DomainProblem.invalidField("parentId", "center-parent-region");
			}
		}
		List<String> items = catalog.requireItems(draft.serviceItems(), "serviceItems");
		CenterStatus status = draft.status() == null ? CenterStatus.ACTIVE : draft.status();
		Center center = centers.insert(caller.tenant(), UUID.randomUUID(), draft, items, status);
		index.changed(caller.tenant());
		outbox.append("center.created", center.id().toString(),
				Map.of("centerId", center.id(), "level", center.level().name(), "region", center.region()));
		return withNow(center);
	}

	@Transactional(readOnly = true)
	public Center get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.READERS).requireScope("centers:read");
		Center center = centers.find(id).orElseThrow(() -> DomainProblem.notFound(Centers.RESOURCE, id));
		caller.requireCovers(center.region(), Centers.RESOURCE, id);
		return withNow(center);
	}

	/** A center with openNow, without role checks, inside the caller's transaction (the public center page). */
	public java.util.Optional<Center> find(UUID id) {
		return centers.find(id).map(this::withNow);
	}

	@Transactional(readOnly = true)
	public Page<Center> list(Caller caller, String region, CenterLevel level, CenterStatus status, Integer limit,
			String cursor) {
		caller.requireAnyRole(Access.READERS).requireScope("centers:read");
		String prefix = caller.scopePrefix();
		if (region != null && !region.isBlank()) {
			Regions.requireInTenant(caller, "region", region);
			if (!caller.covers(region)) {
				return new Page<>(List.of(), null);
			}
			prefix = region;
		}
		int size = Cursor.limit(limit);
		Page<Center> page = Page.of(centers.page(prefix, level, status, Cursor.afterId(cursor), size + 1), size,
				c -> c.id().toString());
		return new Page<>(page.items().stream().map(this::withNow).toList(), page.nextCursor());
	}

	@Transactional
	public Center change(Caller caller, UUID id, long expectedVersion, CenterChange change) {
		caller.requireAnyRole(Access.MANAGERS);
		Center current = centers.find(id).orElseThrow(() -> DomainProblem.notFound(Centers.RESOURCE, id));
		caller.requireCovers(current.region(), Centers.RESOURCE, id);
		if (change.location() != null) {
			change.location().requireInChina("location");
		}
		if (change.openingHours() != null) {
			change.openingHours().compile("openingHours");
		}
		List<String> items = change.serviceItems() == null ? current.serviceItems()
				: catalog.requireItems(change.serviceItems(), "serviceItems");
		Center next = new Center(current.id(), current.level(), or(change.name(), current.name()),
				change.brandName() == null ? current.brandName() : change.brandName(), current.region(),
				current.parentId(), or(change.address(), current.address()),
				change.location() == null ? current.location() : change.location(),
				change.floorAreaM2() == null ? current.floorAreaM2() : change.floorAreaM2(),
				change.phone() == null ? current.phone() : change.phone(),
				change.hostPartner() == null ? current.hostPartner() : change.hostPartner(),
				change.photos() == null ? current.photos() : change.photos(),
				change.facilities() == null ? current.facilities() : change.facilities(), items,
				change.openingHours() == null ? current.openingHours() : change.openingHours(),
				change.status() == null ? current.status() : change.status(), current.stars(), current.starsYear(),
				null, null, current.createdAt(), current.updatedAt(), current.version());
		Center saved = centers.update(next, expectedVersion)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
		index.changed(caller.tenant());
		outbox.append("center.updated", saved.id().toString(),
				Map.of("centerId", saved.id(), "status", saved.status().name()));
		return withNow(saved);
	}

	private Center withNow(Center center) {
		ZonedDateTime now = zones.now();
		CompiledHours hours = center.openingHours().compile("openingHours");
		boolean open = center.status() == CenterStatus.ACTIVE && hours.isOpen(now);
		return center.withNow(open, hours.hoursOn(now.toLocalDate()));
	}

	private static String or(String value, String fallback) {
		return value == null ? fallback : value.strip();
	}
}
