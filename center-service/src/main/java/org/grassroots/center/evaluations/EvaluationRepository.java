package org.grassroots.center.evaluations;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.center.support.JsonColumns;
import org.grassroots.defaults.security.Regions;
import org.grassroots.center.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class EvaluationRepository {

	private static final String COLUMNS = "e.id, e.center_id, e.rubric_id, e.year, e.status, e.application::text as application, "
			+ "e.review::text as review, e.scores::text as scores, e.total_score, e.suggested_stars, e.stars, "
			+ "e.reward_tier, e.reward_fen, e.published_at, e.created_by, e.created_at, e.updated_at, e.version";

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonColumns json;

	EvaluationRepository(JdbcClient jdbc, JsonColumns json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(String tenant, UUID id, UUID centerId, UUID rubricId, int year, StarEvaluation.Application application,
			String createdBy) {
		jdbc.sql("""
				insert into star_evaluation (id, tenant_id, center_id, rubric_id, year, status, application, created_by)
				values (:id, :tenant, :center, :rubric, :year, 'APPLIED', cast(:application as jsonb), :by)
				""").param("id", id).param("tenant", tenant).param("center", centerId).param("rubric", rubricId)
			.param("year", year).param("application", json.write(application)).param("by", createdBy)
			.update();
	}

	Optional<StarEvaluation> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from star_evaluation e where e.id = :id").param("id", id)
			.query(this::map).optional();
	}

	boolean exists(UUID centerId, int year) {
		return jdbc.sql("select exists (select 1 from star_evaluation where center_id = :center and year = :year)")
			.param("center", centerId).param("year", year).query(Boolean.class).single();
	}

	/**
	 * Moves the evaluation from {@code from} to {@code to}, setting the given columns; false when it was not in
	 * {@code from} (any more).
	 */
	boolean advance(UUID id, EvaluationStatus from, EvaluationStatus to, Map<String, Object> columns) {
		StringBuilder sql = new StringBuilder("update star_evaluation set status = :to, updated_at = now(), version = version + 1");
		for (String column : columns.keySet()) {
			sql.append(", ").append(column).append(" = ");
			sql.append(column.equals("review") || column.equals("scores") ? "cast(:" + column + " as jsonb)" : ":" + column);
		}
		sql.append(" where id = :id and status = :from");
		var spec = jdbc.sql(sql.toString()).param("id", id).param("from", from.name()).param("to", to.name());
		for (Map.Entry<String, Object> column : columns.entrySet()) {
			Object value = column.getValue();
			if (column.getKey().equals("review") || column.getKey().equals("scores")) {
				value = json.write(value);
			}
			spec = spec.param(column.getKey(), value);
		}
		return spec.update() == 1;
	}

	void step(String tenant, UUID evaluationId, EvaluationStatus from, EvaluationStatus to, String actor,
			String roles, String note, Map<String, Object> details) {
		jdbc.sql("""
				insert into star_evaluation_step (id, tenant_id, evaluation_id, from_status, to_status, actor,
				    actor_roles, note, details)
				values (:id, :tenant, :evaluation, :from, :to, :actor, :roles, :note, cast(:details as jsonb))
				""").param("id", UUID.randomUUID()).param("tenant", tenant).param("evaluation", evaluationId)
			.param("from", from == null ? null : from.name()).param("to", to.name()).param("actor", actor)
			.param("roles", roles).param("note", note).param("details", json.write(details))
			.update();
	}

	List<EvaluationStep> history(UUID evaluationId) {
		return jdbc.sql("""
				select id, from_status, to_status, actor, actor_roles, note, details::text as details, at
				from star_evaluation_step where evaluation_id = :evaluation order by at, id
				""").param("evaluation", evaluationId)
			.query((rs, n) -> new EvaluationStep(rs.getObject("id", UUID.class),
					rs.getString("from_status") == null ? null : EvaluationStatus.valueOf(rs.getString("from_status")),
					EvaluationStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
					rs.getString("actor_roles"), rs.getString("note"), json.read(rs.getString("details"), DETAILS),
					rs.getObject("at", OffsetDateTime.class)))
			.list();
	}

	/** A keyset page of evaluations of centers in a region subtree. */
	List<StarEvaluation> page(String regionPrefix, Integer year, EvaluationStatus status, UUID centerId, UUID after,
			int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from star_evaluation e join center c on c.id = e.center_id "
				+ "where (c.region = :prefix or c.region like :subtree) "
				+ "and (cast(:year as int) is null or e.year = :year) "
				+ "and (cast(:status as text) is null or e.status = :status) "
				+ "and (cast(:center as uuid) is null or e.center_id = :center) "
				+ "and (cast(:after as uuid) is null or e.id > :after) order by e.id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.param("year", year)
			.param("status", status == null ? null : status.name())
			.param("center", centerId)
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(this::map)
			.list();
	}

	private StarEvaluation map(ResultSet rs, int row) throws SQLException {
		BigDecimal total = rs.getBigDecimal("total_score");
		return new StarEvaluation(rs.getObject("id", UUID.class), rs.getObject("center_id", UUID.class),
				rs.getObject("rubric_id", UUID.class), rs.getInt("year"), EvaluationStatus.valueOf(rs.getString("status")),
				json.read(rs.getString("application"), StarEvaluation.Application.class),
				json.read(rs.getString("review"), StarEvaluation.Review.class),
				json.read(rs.getString("scores"), StarEvaluation.Scoring.class), total,
				Sql.intOrNull(rs, "suggested_stars"), Sql.intOrNull(rs, "stars"), rs.getString("reward_tier"),
				Sql.longOrNull(rs, "reward_fen"), rs.getObject("published_at", OffsetDateTime.class),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
	}
}
