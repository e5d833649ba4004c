package org.grassroots.center.coverage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.center.clients.grid.GridCompound;
import org.grassroots.center.clients.grid.GridCompounds;
import org.grassroots.center.map.CenterIndex;
import org.grassroots.center.map.MapPoint;
import org.grassroots.center.map.SpatialIndex;
import org.grassroots.center.support.Access;
import org.grassroots.center.support.Geo;
import org.grassroots.defaults.security.Regions;
import org.grassroots.center.upgrades.UpgradeService;
import org.grassroots.center.upgrades.UpgradeTask;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.springframework.stereotype.Service;

/**
 * 15-minute service circle: compounds and population from grid-service (Feign, the caller's token relayed), the
 * operating centers from the public map's index, the arithmetic in {@link CoverageCalculator}. No database
 * transaction is held while grid-service is called. When grid-service is down the analysis fails with a 503
 * problem naming it; it never answers with a partial figure.
 */
@Service
public class CoverageService {

	public static final int DEFAULT_WALK_METERS = 1000;

	static final String[] ANALYSTS = Access.plus(Access.MANAGERS, Roles.AUDITOR, Roles.INTEGRATOR);

	private final GridCompounds grid;

	private final CenterIndex index;

	private final UpgradeService upgrades;

	CoverageService(GridCompounds grid, CenterIndex index, UpgradeService upgrades) {
		this.grid = grid;
		this.index = index;
		this.upgrades = upgrades;
	}

	public CoverageReport coverage(Caller caller, String region, Integer walkMeters, Integer uncoveredLimit) {
		String scope = scope(caller, region);
		int limit = uncoveredLimit == null ? 100 : uncoveredLimit;
		if (limit < 0 || limit > 5000) {
			throw DomainProblem.invalidField("uncoveredLimit", "coverage-uncovered-limit");
		}
		return run(scope, walk(walkMeters), List.of(), 0, limit);
	}

	public CoverageReport bestSites(Caller caller, BestSitesRequest request) {
		String scope = scope(caller, request.region());
		List<CoverageCalculator.Site> candidates = new ArrayList<>();
		if (request.candidates() != null) {
			for (int i = 0; i < request.candidates().size(); i++) {
				BestSitesRequest.Candidate c = request.candidates().get(i);
				c.location().requireInChina("candidates[" + i + "].location");
				candidates.add(new CoverageCalculator.Site(c.id() == null ? "candidate-" + (i + 1) : c.id(), c.name(),
						c.location().lat(), c.location().lng()));
			}
		}
		if (Boolean.TRUE.equals(request.includeUpgradeCandidates())) {
			for (UpgradeTask.CandidateSite site : upgrades.openSites(scope)) {
				candidates.add(new CoverageCalculator.Site(site.id().toString(), site.name(), site.lat(), site.lng()));
			}
		}
		if (candidates.isEmpty()) {
			throw DomainProblem.invalidField("candidates", "coverage-no-candidates");
		}
		return run(scope, walk(request.walkMeters()), candidates, request.k(), 100);
	}

	private CoverageReport run(String region, int walkMeters, List<CoverageCalculator.Site> candidates, int k,
			int uncoveredLimit) {
		List<GridCompound> fetched = grid.all(region);
		List<CoverageCalculator.Compound> compounds = new ArrayList<>(fetched.size());
		int unlocated = 0;
		for (GridCompound g : fetched) {
			if (g == null || g.id() == null || g.location() == null || g.location().lat() == null
					|| g.location().lng() == null || !Double.isFinite(g.location().lat())
					|| !Double.isFinite(g.location().lng())) {
				unlocated++;
				continue;
			}
			compounds.add(new CoverageCalculator.Compound(g.id().toString(), g.name(), g.region(), g.location().lat(),
					g.location().lng(), g.population() == null ? 0 : Math.max(0, g.population())));
		}
		SpatialIndex<MapPoint> centers = index.current();
		double radius = Geo.straightRadiusFor(walkMeters);
		CoverageCalculator.Result result = CoverageCalculator.analyse(compounds, centers, radius, candidates, k);
		return new CoverageReport(region, walkMeters, Math.round(radius * 10) / 10.0, centers.size(),
				result.compounds(), result.coveredCompounds(), result.compoundShare(), result.population(),
				result.coveredPopulation(), result.populationShare(), unlocated, result.uncovered().size(),
				result.uncovered().subList(0, Math.min(uncoveredLimit, result.uncovered().size())),
				result.bestSites(), OffsetDateTime.now());
	}

	private static String scope(Caller caller, String region) {
		caller.requireAnyRole(ANALYSTS).requireScope("coverage:read");
		if (region == null || region.isBlank()) {
			return caller.scopePrefix();
		}
		Regions.requireInTenant(caller, "region", region);
		if (!caller.covers(region)) {
			throw DomainProblem.notFound("地区", region);
		}
		return region;
	}

	private static int walk(Integer walkMeters) {
		int walk = walkMeters == null ? DEFAULT_WALK_METERS : walkMeters;
		if (walk < 100 || walk > 5000) {
			throw DomainProblem.invalidField("walkMeters", "coverage-walk-range");
		}
		return walk;
	}
}
