package org.grassroots.grid.patrols;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.grid.casework.CaseService;
import org.grassroots.grid.casework.CaseView;
import org.grassroots.grid.casework.Channel;
import org.grassroots.grid.casework.Intake;
import org.grassroots.grid.geo.ChinaBounds;
import org.grassroots.grid.geo.Geodesy;
import org.grassroots.grid.grids.GridRef;
import org.grassroots.grid.grids.GridService;
import org.grassroots.grid.support.Access;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Grid workers' patrols: start in a grid, upload track points, report findings (they become cases), end. */
@Service
public class PatrolService {

	static final String RESOURCE = "巡查";

	static final String[] PATROLLERS = { Roles.GRID_WORKER, Roles.GRID_HEAD, Roles.COMMUNITY_STAFF };

	private final PatrolRepository patrols;

	private final GridService grids;

	private final CaseService cases;

	private final TransactionTemplate tx;

	PatrolService(PatrolRepository patrols, GridService grids, CaseService cases, TransactionTemplate tx) {
		this.patrols = patrols;
		this.grids = grids;
		this.cases = cases;
		this.tx = tx;
	}

	@Transactional
	public Patrol start(Caller caller, PatrolRequests.Start start) {
		caller.requireAnyRole(PATROLLERS);
		GridRef grid = grids.requireActive(caller, start.gridId(), "gridId");
		if (patrols.hasActive(caller.subject())) {
			throw DomainProblem.conflict("patrol-already-active");
		}
		return patrols.insert(caller.tenant(), UUID.randomUUID(), grid.id(), grid.region(), caller.subject(),
				start.note()).view(null, List.of());
	}

	@Transactional
	public Patrol addPoints(Caller caller, UUID id, PatrolRequests.Points body) {
		PatrolRepository.Row patrol = own(caller, patrols.lock(id).orElse(null), id);
		if (!"ACTIVE".equals(patrol.status())) {
			throw DomainProblem.conflict("patrol-ended");
		}
		OffsetDateTime latest = OffsetDateTime.now().plusMinutes(5);
		Double lastLat = patrol.lastLat();
		Double lastLng = patrol.lastLng();
		OffsetDateTime lastAt = patrol.lastPointAt() == null ? patrol.startedAt().minusMinutes(5) : patrol.lastPointAt();
		double distance = patrol.distance();
		int seq = patrol.pointCount();
		List<PatrolRequests.Point> points = body.points();
		for (int i = 0; i < points.size(); i++) {
			PatrolRequests.Point p = points.get(i);
			if (!ChinaBounds.contains(p.lng(), p.lat())) {
				throw DomainProblem.invalidField("points[" + i + "]", "point-outside-china");
			}
			if (p.at().isBefore(lastAt) || p.at().isAfter(latest)) {
				throw DomainProblem.invalidField("points[" + i + "].at", "patrol-point-order");
			}
			if (lastLat != null) {
				distance += Geodesy.distanceMeters(lastLat, lastLng, p.lat(), p.lng());
			}
			patrols.addPoint(caller.tenant(), id, ++seq, p.lat(), p.lng(), p.at());
			lastLat = p.lat();
			lastLng = p.lng();
			lastAt = p.at();
		}
		return patrols.progress(id, seq, distance, lastLat, lastLng, lastAt).view(null, null);
	}

	/** A finding becomes a case of channel PATROL, located where the worker is unless given. */
	public CaseView finding(Caller caller, UUID id, PatrolRequests.Finding finding) {
		PatrolRepository.Row patrol = tx.execute(status -> own(caller, patrols.find(id).orElse(null), id));
		if (!"ACTIVE".equals(patrol.status())) {
			throw DomainProblem.conflict("patrol-ended");
		}
		Double lat = finding.lat();
		Double lng = finding.lng();
		if (lat == null && lng == null && patrol.lastLat() != null) {
			lat = patrol.lastLat();
			lng = patrol.lastLng();
		}
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		if (finding.attributes() != null) {
			finding.attributes().forEach((k, v) -> attributes.put(k, v == null ? List.of() : List.of(v.split(","))));
		}
		return cases.intake(caller, new Intake(Channel.PATROL, finding.category(), finding.priority(), finding.title(),
				finding.description(), lat, lng, finding.address(), finding.householdId(),
				lat == null ? patrol.gridId() : null, id, null, null, finding.attachments(), attributes, null)).view();
	}

	@Transactional
	public Patrol end(Caller caller, UUID id, PatrolRequests.End end) {
		own(caller, patrols.lock(id).orElse(null), id);
		PatrolRepository.Row row = patrols.end(id, end == null ? null : end.note())
			.orElseThrow(() -> DomainProblem.conflict("patrol-ended"));
		return row.view(patrols.track(id), patrols.findings(id));
	}

	@Transactional(readOnly = true)
	public Patrol get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.CASE_STAFF);
		PatrolRepository.Row row = patrols.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(row.region(), RESOURCE, id);
		return row.view(patrols.track(id), patrols.findings(id));
	}

	@Transactional(readOnly = true)
	public Page<Patrol> list(Caller caller, UUID gridId, boolean mine, Integer limit, String cursor) {
		caller.requireAnyRole(Access.CASE_STAFF);
		int size = Cursor.limit(limit);
		Page<PatrolRepository.Row> page = Page.of(patrols.page(caller.scopePrefix(), gridId,
				mine ? caller.subject() : null, Cursor.afterId(cursor), size + 1), size, r -> r.id().toString());
		return new Page<>(page.items().stream().map(r -> r.view(null, null)).toList(), page.nextCursor());
	}

	private static PatrolRepository.Row own(Caller caller, PatrolRepository.Row patrol, UUID id) {
		caller.requireAnyRole(PATROLLERS);
		if (patrol == null || !caller.covers(patrol.region())) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		if (!patrol.worker().equals(caller.subject())) {
			throw new DomainProblem(org.springframework.http.HttpStatus.FORBIDDEN, "patrol-not-yours");
		}
		return patrol;
	}
}
