package org.grassroots.grid.statistics;

import java.time.OffsetDateTime;
import java.util.List;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics, computed in SQL in one statement: conditional aggregates over the cases active in the period
 * (reported, resolved, closed or evaluated in it) grouped by the unit path stored on each case, joined with the
 * escalations of the period. It reads {@code case_fact}, the narrow copy of grid_case a trigger keeps in step.
 * Public so the benchmark runs exactly this query. Run it in a transaction of the tenant (row-level security, and
 * the transaction-local plan setting it makes).
 */
public final class StatisticsQuery {

	/** Unit figures before rates are derived. */
	public record Sums(String unit, long received, long closed, long resolved, long onTime, double handlingSeconds,
			long rated, long ratingSum, long escalations) {
	}

	static final String SQL = """
			with sums as (
			  select coalesce(case :level when 'street' then street_path when 'community' then community_path
			                           else grid_path end, '') as unit,
			         count(*) filter (where reported_at >= :from and reported_at < :to) as received,
			         count(*) filter (where closed_at >= :from and closed_at < :to) as closed,
			         count(*) filter (where resolved_at >= :from and resolved_at < :to) as resolved,
			         count(*) filter (where resolved_at >= :from and resolved_at < :to and resolved_at <= deadline_at)
			           as on_time,
			         sum(resolved_at - reported_at) filter (where resolved_at >= :from and resolved_at < :to)
			           as handling,
			         count(rating) filter (where evaluated_at >= :from and evaluated_at < :to) as rated,
			         sum(rating) filter (where evaluated_at >= :from and evaluated_at < :to) as rating_sum
			  from case_fact
			  where (:all or region = :prefix or region like :subtree)
			    and ((reported_at >= :from and reported_at < :to)
			      or (resolved_at >= :from and resolved_at < :to)
			      or (closed_at >= :from and closed_at < :to)
			      or (evaluated_at >= :from and evaluated_at < :to))
			  group by 1
			), escalations as (
			  select coalesce(case :level when 'street' then street_path when 'community' then community_path
			                           else grid_path end, '') as unit, count(*) as escalations
			  from case_escalation
			  where escalated_at >= :from and escalated_at < :to
			    and (:all or coalesce(grid_path, community_path, street_path) = :prefix
			         or coalesce(grid_path, community_path, street_path) like :subtree)
			  group by 1
			)
			select nullif(coalesce(s.unit, e.unit), '') as unit, coalesce(s.received, 0), coalesce(s.closed, 0),
			       coalesce(s.resolved, 0), coalesce(s.on_time, 0),
			       coalesce(extract(epoch from s.handling)::double precision, 0), coalesce(s.rated, 0),
			       coalesce(s.rating_sum, 0), coalesce(e.escalations, 0)
			from sums s full outer join escalations e on s.unit = e.unit
			order by 1 nulls last
			""";

	private final JdbcClient jdbc;

	public StatisticsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param level {@code street}, {@code community} or {@code grid}
	 * @param prefix the region whose cases count (a tenant code alone: the whole district)
	 */
	public List<Sums> run(String level, String prefix, OffsetDateTime from, OffsetDateTime to) {
		// plan for these values: a plan cached for other ones (a narrow region, a short period) can be 4× slower
		// over a whole district's year. Transaction-local, like the tenant setting.
		jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
		return jdbc.sql(SQL)
			.param("level", level)
			.param("all", Regions.depth(prefix) == Regions.DISTRICT)
			.param("prefix", prefix)
			.param("subtree", Regions.subtreePattern(prefix))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Sums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getDouble(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
			.list();
	}
}
