package org.grassroots.member.evaluations;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EvaluationRepository {

	private static final String SELECT = """
			select e.*, m.name as member_name
			from evaluation e
			join central_household ch on ch.tenant_id = e.tenant_id and ch.id = e.central_household_id
			join party_member m on m.tenant_id = ch.tenant_id and m.id = ch.member_id
			""";

	private final JdbcClient jdbc;

	EvaluationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredPolicy(EvaluationPolicy policy, long version) {
	}

	Optional<StoredPolicy> policy(int year) {
		return jdbc.sql("select * from evaluation_policy where year = :year")
			.param("year", year)
			.query((rs, n) -> new StoredPolicy(new EvaluationPolicy(rs.getInt("visit_target"), rs.getInt("case_target"),
					rs.getInt("training_target"), rs.getInt("indicator_weight"), rs.getInt("community_weight"),
					rs.getInt("street_weight"), rs.getInt("excellent_min"), rs.getInt("good_min"), rs.getInt("pass_min"),
					rs.getLong("excellent_reward_fen"), rs.getLong("good_reward_fen"), rs.getLong("pass_reward_fen")),
					rs.getLong("version")))
			.optional();
	}

	void savePolicy(String tenant, int year, EvaluationPolicy p, String by) {
		jdbc.sql("""
				insert into evaluation_policy as x (tenant_id, year, visit_target, case_target, training_target,
				    indicator_weight, community_weight, street_weight, excellent_min, good_min, pass_min,
				    excellent_reward_fen, good_reward_fen, pass_reward_fen, updated_by)
				values (:tenant, :year, :vt, :ct, :tt, :iw, :cw, :sw, :ex, :good, :pass, :exr, :goodr, :passr, :by)
				on conflict (tenant_id, year) do update set visit_target = excluded.visit_target,
				    case_target = excluded.case_target, training_target = excluded.training_target,
				    indicator_weight = excluded.indicator_weight, community_weight = excluded.community_weight,
				    street_weight = excluded.street_weight, excellent_min = excluded.excellent_min,
				    good_min = excluded.good_min, pass_min = excluded.pass_min,
				    excellent_reward_fen = excluded.excellent_reward_fen, good_reward_fen = excluded.good_reward_fen,
				    pass_reward_fen = excluded.pass_reward_fen, updated_by = excluded.updated_by, updated_at = now(),
				    version = x.version + 1
				""")
			.param("tenant", tenant)
			.param("year", year)
			.param("vt", p.visitTarget())
			.param("ct", p.caseTarget())
			.param("tt", p.trainingTarget())
			.param("iw", p.indicatorWeight())
			.param("cw", p.communityWeight())
			.param("sw", p.streetWeight())
			.param("ex", p.excellentMin())
			.param("good", p.goodMin())
			.param("pass", p.passMin())
			.param("exr", p.excellentRewardFen())
			.param("goodr", p.goodRewardFen())
			.param("passr", p.passRewardFen())
			.param("by", by)
			.update();
	}

	boolean anyFinalized(int year) {
		return jdbc.sql("select exists (select 1 from evaluation where year = :year and status = 'FINALIZED')")
			.param("year", year)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Creates or refreshes the year's evaluations of the active central households in the region (all of the
	 * district when null) from their work logs and training attendance; finalized ones stay as they are.
	 */
	int compute(String tenant, int year, LocalDate from, LocalDate until, OffsetDateTime fromTs, OffsetDateTime untilTs,
			String prefix, EvaluationPolicy p) {
		return jdbc.sql("""
				insert into evaluation as e (id, tenant_id, year, central_household_id, region, visits, opinions,
				    mediations, help_given, cases_helped, rating_count, average_rating, trainings_attended,
				    indicator_score, computed_at)
				select gen_random_uuid(), :tenant, :year, ch.id, ch.region, w.visits, w.opinions, w.mediations, w.help,
				       w.cases, w.ratings, w.average, t.attended,
				       round(100 * (0.4 * least(w.visits::numeric / :vt, 1) + 0.2 * least(w.cases::numeric / :ct, 1)
				                    + 0.2 * coalesce((w.average - 1) / 4, 0.5)
				                    + 0.2 * least(t.attended::numeric / :tt, 1)), 2),
				       now()
				from central_household ch
				cross join lateral (
				    select count(*) filter (where kind = 'VISIT') as visits,
				           count(*) filter (where kind = 'OPINION_COLLECTED') as opinions,
				           count(*) filter (where kind = 'DISPUTE_MEDIATED') as mediations,
				           count(*) filter (where kind = 'HELP_GIVEN') as help,
				           count(*) filter (where kind = 'CASE_HELP') as cases,
				           count(rating) filter (where kind = 'CASE_HELP') as ratings,
				           round(avg(rating) filter (where kind = 'CASE_HELP'), 2) as average
				    from work_log w
				    where w.tenant_id = ch.tenant_id and w.central_household_id = ch.id
				      and w.occurred_on >= :from and w.occurred_on < :until
				) w
				cross join lateral (
				    select count(*) as attended
				    from training_attendance a
				    join training_course c on c.tenant_id = a.tenant_id and c.id = a.course_id
				    where a.tenant_id = ch.tenant_id and a.member_id = ch.member_id
				      and c.starts_at >= :fromTs and c.starts_at < :untilTs
				) t
				where ch.status = 'ACTIVE' and ch.designated_on < :until
				  and (cast(:prefix as text) is null or ch.region = :prefix or ch.region like :subtree)
				on conflict (tenant_id, year, central_household_id) do update set
				    region = excluded.region, visits = excluded.visits, opinions = excluded.opinions,
				    mediations = excluded.mediations, help_given = excluded.help_given,
				    cases_helped = excluded.cases_helped, rating_count = excluded.rating_count,
				    average_rating = excluded.average_rating, trainings_attended = excluded.trainings_attended,
				    indicator_score = excluded.indicator_score, computed_at = now(), version = e.version + 1
				where e.status <> 'FINALIZED'
				""")
			.param("tenant", tenant)
			.param("year", year)
			.param("from", from)
			.param("until", until)
			.param("fromTs", fromTs)
			.param("untilTs", untilTs)
			.param("prefix", prefix)
			.param("subtree", prefix == null ? null : Regions.subtreePattern(prefix))
			.param("vt", p.visitTarget())
			.param("ct", p.caseTarget())
			.param("tt", p.trainingTarget())
			.update();
	}

	Optional<Evaluation> find(UUID id) {
		return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(EvaluationRepository::map).optional();
	}

	List<Evaluation> page(int year, String prefix, EvaluationStatus status, UUID after, int limitPlusOne) {
		return jdbc.sql(SELECT + """
				where e.year = :year
				  and (cast(:prefix as text) is null or e.region = :prefix or e.region like :subtree)
				  and (cast(:status as text) is null or e.status = :status)
				  and (cast(:after as uuid) is null or e.id > :after)
				order by e.id limit :limit
				""")
			.param("year", year)
			.param("prefix", prefix)
			.param("subtree", prefix == null ? null : Regions.subtreePattern(prefix))
			.param("status", status == null ? null : status.name())
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(EvaluationRepository::map)
			.list();
	}

	int scoreCommunity(UUID id, long version, int score, String comment, String by) {
		return jdbc.sql("update evaluation set community_score = :score, community_comment = :comment, "
				+ "community_scored_by = :by, community_scored_at = now(), status = 'COMMUNITY_SCORED', "
				+ "version = version + 1 where id = :id and version = :version")
			.param("id", id).param("version", version).param("score", score).param("comment", comment).param("by", by)
			.update();
	}

	int scoreStreet(UUID id, long version, int score, String comment, String by) {
		return jdbc.sql("update evaluation set street_score = :score, street_comment = :comment, "
				+ "street_scored_by = :by, street_scored_at = now(), status = 'STREET_SCORED', "
				+ "version = version + 1 where id = :id and version = :version")
			.param("id", id).param("version", version).param("score", score).param("comment", comment).param("by", by)
			.update();
	}

	int finalizeYear(int year, EvaluationPolicy p, String by) {
		return jdbc.sql("""
				with f as (
				    select id, round((indicator_score * :iw + community_score * :cw + street_score * :sw) / 100.0, 2) as score
				    from evaluation where year = :year and status = 'STREET_SCORED'
				)
				update evaluation e set final_score = f.score,
				    grade = case when f.score >= :ex then 'EXCELLENT' when f.score >= :good then 'GOOD'
				                 when f.score >= :pass then 'PASS' else 'FAIL' end,
				    reward_fen = case when f.score >= :ex then :exr when f.score >= :good then :goodr
				                      when f.score >= :pass then :passr else 0 end,
				    status = 'FINALIZED', finalized_by = :by, finalized_at = now(), version = e.version + 1
				from f where e.id = f.id
				""")
			.param("year", year)
			.param("iw", p.indicatorWeight())
			.param("cw", p.communityWeight())
			.param("sw", p.streetWeight())
			.param("ex", p.excellentMin())
			.param("good", p.goodMin())
			.param("pass", p.passMin())
			.param("exr", p.excellentRewardFen())
			.param("goodr", p.goodRewardFen())
			.param("passr", p.passRewardFen())
			.param("by", by)
			.update();
	}

	int notReady(int year) {
		return jdbc.sql("select count(*) from evaluation where year = :year and status in ('OPEN', 'COMMUNITY_SCORED')")
			.param("year", year)
			.query(Integer.class)
			.single();
	}

	/** Finalized evaluations ranked district-wide; the page keeps the caller's region. */
	List<Candidate> candidates(int year, String prefix, BigDecimal afterFinal, BigDecimal afterIndicator, UUID afterId,
			int limitPlusOne) {
		return jdbc.sql("""
				with ranked as (
				    select e.id, e.central_household_id, e.region, e.final_score, e.indicator_score, e.grade, e.reward_fen,
				           rank() over (order by e.final_score desc, e.indicator_score desc) as rank
				    from evaluation e where e.year = :year and e.status = 'FINALIZED'
				)
				select r.rank, r.id, r.central_household_id, ch.member_id, m.name, r.region, o.name as organization_name,
				       r.final_score, r.indicator_score, r.grade, r.reward_fen
				from ranked r
				join central_household ch on ch.id = r.central_household_id
				join party_member m on m.tenant_id = ch.tenant_id and m.id = ch.member_id
				join party_organization o on o.tenant_id = ch.tenant_id and o.id = ch.organization_id
				where (cast(:prefix as text) is null or r.region = :prefix or r.region like :subtree)
				  and (cast(:afterId as uuid) is null
				       or (r.final_score, r.indicator_score, r.id) < (:afterFinal, :afterIndicator, :afterId))
				order by r.final_score desc, r.indicator_score desc, r.id desc
				limit :limit
				""")
			.param("year", year)
			.param("prefix", prefix)
			.param("subtree", prefix == null ? null : Regions.subtreePattern(prefix))
			.param("afterFinal", afterFinal)
			.param("afterIndicator", afterIndicator)
			.param("afterId", afterId)
			.param("limit", limitPlusOne)
			.query((rs, n) -> new Candidate(rs.getInt(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
					rs.getBigDecimal(9), rs.getString(10), rs.getLong(11)))
			.list();
	}

	private static Evaluation map(ResultSet rs, int n) throws SQLException {
		return new Evaluation(rs.getObject("id", UUID.class), rs.getInt("year"), rs.getObject("central_household_id", UUID.class),
				rs.getString("member_name"), rs.getString("region"),
				new Evaluation.Indicators(rs.getInt("visits"), rs.getInt("opinions"), rs.getInt("mediations"),
						rs.getInt("help_given"), rs.getInt("cases_helped"), rs.getInt("rating_count"),
						rs.getBigDecimal("average_rating"), rs.getInt("trainings_attended")),
				rs.getBigDecimal("indicator_score"), rs.getObject("computed_at", OffsetDateTime.class),
				(Integer) rs.getObject("community_score"), rs.getString("community_comment"),
				rs.getString("community_scored_by"), (Integer) rs.getObject("street_score"), rs.getString("street_comment"),
				rs.getString("street_scored_by"), rs.getBigDecimal("final_score"), rs.getString("grade"),
				(Long) rs.getObject("reward_fen"), EvaluationStatus.valueOf(rs.getString("status")), rs.getLong("version"));
	}
}
