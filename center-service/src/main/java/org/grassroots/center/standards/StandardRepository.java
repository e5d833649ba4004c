package org.grassroots.center.standards;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.center.support.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class StandardRepository {

	private static final TypeReference<List<SiteStandard.ChecklistItem>> ITEMS = new TypeReference<>() {
	};

	private static final TypeReference<List<StarRubric.Indicator>> INDICATORS = new TypeReference<>() {
	};

	private static final TypeReference<List<BigDecimal>> THRESHOLDS = new TypeReference<>() {
	};

	private static final TypeReference<List<StarRubric.RewardTier>> TIERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonColumns json;

	StandardRepository(JdbcClient jdbc, JsonColumns json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	SiteStandard insertStandard(String tenant, SiteStandard s) {
		jdbc.sql("""
				insert into site_standard (id, tenant_id, code, name, description, items)
				values (:id, :tenant, :code, :name, :description, cast(:items as jsonb))
				""").param("id", s.id()).param("tenant", tenant).param("code", s.code()).param("name", s.name())
			.param("description", s.description()).param("items", json.write(s.items()))
			.update();
		return findStandard(s.id()).orElseThrow();
	}

	Optional<SiteStandard> findStandard(UUID id) {
		return jdbc.sql("select id, code, name, description, items::text as items, created_at from site_standard "
				+ "where id = :id").param("id", id).query((rs, n) -> standard(rs)).optional();
	}

	List<SiteStandard> standards() {
		return jdbc.sql("select id, code, name, description, items::text as items, created_at from site_standard "
				+ "order by code limit 500").query((rs, n) -> standard(rs)).list();
	}

	StarRubric insertRubric(String tenant, StarRubric r) {
		jdbc.sql("""
				insert into star_rubric (id, tenant_id, name, year, standard_id, indicators, star_thresholds, reward_tiers)
				values (:id, :tenant, :name, :year, :standard, cast(:indicators as jsonb), cast(:thresholds as jsonb),
				    cast(:tiers as jsonb))
				""").param("id", r.id()).param("tenant", tenant).param("name", r.name()).param("year", r.year())
			.param("standard", r.standardId()).param("indicators", json.write(r.indicators()))
			.param("thresholds", json.write(r.starThresholds())).param("tiers", json.write(r.rewardTiers()))
			.update();
		return findRubric(r.id()).orElseThrow();
	}

	Optional<StarRubric> findRubric(UUID id) {
		return jdbc.sql("select id, name, year, standard_id, indicators::text as indicators, "
				+ "star_thresholds::text as thresholds, reward_tiers::text as tiers, created_at from star_rubric "
				+ "where id = :id").param("id", id).query((rs, n) -> rubric(rs)).optional();
	}

	List<StarRubric> rubrics(Integer year) {
		return jdbc.sql("select id, name, year, standard_id, indicators::text as indicators, "
				+ "star_thresholds::text as thresholds, reward_tiers::text as tiers, created_at from star_rubric "
				+ "where cast(:year as int) is null or year = :year order by year desc, created_at limit 500")
			.param("year", year)
			.query((rs, n) -> rubric(rs))
			.list();
	}

	private SiteStandard standard(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SiteStandard(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), json.read(rs.getString("items"), ITEMS),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private StarRubric rubric(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new StarRubric(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("year"),
				rs.getObject("standard_id", UUID.class), json.read(rs.getString("indicators"), INDICATORS),
				json.read(rs.getString("thresholds"), THRESHOLDS), json.read(rs.getString("tiers"), TIERS),
				rs.getObject("created_at", OffsetDateTime.class));
	}
}
