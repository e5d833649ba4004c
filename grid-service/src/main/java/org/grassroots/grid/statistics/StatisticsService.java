package org.grassroots.grid.statistics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.grid.grids.GridRef;
import org.grassroots.grid.grids.GridService;
import org.grassroots.grid.support.Access;
import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Received, closed, on-time rate, mean handling time, satisfaction and escalations per unit over a period. */
@Service
public class StatisticsService {

	static final Duration MAX_PERIOD = Duration.ofDays(366);

	private final StatisticsQuery query;

	private final GridService grids;

	StatisticsService(JdbcClient jdbc, GridService grids) {
		this.query = new StatisticsQuery(jdbc);
		this.grids = grids;
	}

	@Transactional(readOnly = true)
	public CaseStatistics compute(Caller caller, String level, String region, OffsetDateTime from,
			OffsetDateTime to) {
		caller.requireAnyRole(Access.plus(Access.CASE_STAFF, Roles.AUDITOR)).requireScope("cases:read");
		String lvl = level == null ? "grid" : level;
		if (!lvl.equals("grid") && !lvl.equals("community") && !lvl.equals("street")) {
			throw DomainProblem.invalidField("level", "statistics-level");
		}
		OffsetDateTime end = to == null ? OffsetDateTime.now(ZoneOffset.UTC) : to;
		OffsetDateTime start = from == null ? end.minusDays(30) : from;
		if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
			throw DomainProblem.invalidField("from", "statistics-period");
		}
		String prefix = caller.scopePrefix();
		if (region != null && !region.isBlank()) {
			Regions.requireInTenant(caller, "region", region);
			if (!caller.covers(region)) {
				throw DomainProblem.invalidField("region", "region-outside-scope-field");
			}
			prefix = region;
		}
		List<StatisticsQuery.Sums> sums = query.run(lvl, prefix, start, end);
		Map<String, String> names = new HashMap<>();
		for (GridRef unit : grids.byRegions(sums.stream().map(StatisticsQuery.Sums::unit)
			.filter(u -> u != null).toList())) {
			names.put(unit.region(), unit.name());
		}
		List<CaseStatistics.Row> rows = new ArrayList<>();
		long[] t = new long[7];
		double seconds = 0;
		for (StatisticsQuery.Sums s : sums) {
			rows.add(row(s.unit(), s.unit() == null ? null : names.get(s.unit()), s));
			t[0] += s.received();
			t[1] += s.closed();
			t[2] += s.resolved();
			t[3] += s.onTime();
			t[4] += s.rated();
			t[5] += s.ratingSum();
			t[6] += s.escalations();
			seconds += s.handlingSeconds();
		}
		CaseStatistics.Row total = row(prefix, null,
				new StatisticsQuery.Sums(prefix, t[0], t[1], t[2], t[3], seconds, t[4], t[5], t[6]));
		return new CaseStatistics(lvl, prefix, start, end, rows, total);
	}

	private static CaseStatistics.Row row(String unit, String name, StatisticsQuery.Sums s) {
		return new CaseStatistics.Row(unit, name, s.received(), s.closed(), s.resolved(), s.onTime(),
				s.resolved() == 0 ? null : round(s.onTime() / (double) s.resolved()),
				s.resolved() == 0 ? null : round(s.handlingSeconds() / s.resolved() / 3600.0),
				s.rated() == 0 ? null : round(s.ratingSum() / (double) s.rated()), s.rated(), s.escalations());
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
