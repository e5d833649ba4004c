package org.grassroots.grid.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for categories and SLA rules. */
@Repository
class TaxonomyRepository {

	private static final String COLUMNS = "code, name, group_code, group_name, description, keywords, default_priority, "
			+ "public_visible, attributes::text as attributes, active, sort_order";

	private static final TypeReference<List<CategoryAttribute>> ATTRIBUTES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TaxonomyRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	boolean anyCategory() {
		return jdbc.sql("select exists (select 1 from case_category)").query(Boolean.class).single();
	}

	/** Inserts or replaces. */
	void upsert(String tenant, Category c) {
		jdbc.sql("""
				insert into case_category (tenant_id, code, name, group_code, group_name, description, keywords,
				                           default_priority, public_visible, attributes, active, sort_order)
				values (:tenant, :code, :name, :groupCode, :groupName, :description, :keywords, :priority, :public,
				        cast(:attributes as jsonb), :active, :sort)
				on conflict (tenant_id, code) do update set name = excluded.name, group_code = excluded.group_code,
				  group_name = excluded.group_name, description = excluded.description, keywords = excluded.keywords,
				  default_priority = excluded.default_priority, public_visible = excluded.public_visible,
				  attributes = excluded.attributes, active = excluded.active, sort_order = excluded.sort_order,
				  updated_at = now()
				""")
			.param("tenant", tenant)
			.param("code", c.code())
			.param("name", c.name())
			.param("groupCode", c.groupCode())
			.param("groupName", c.groupName())
			.param("description", c.description())
			.param("keywords", c.keywords().toArray(String[]::new))
			.param("priority", c.defaultPriority().name())
			.param("public", c.publicVisible())
			.param("attributes", json.writeValueAsString(c.attributes()))
			.param("active", c.active())
			.param("sort", c.sortOrder())
			.update();
	}

	/** Seeds without touching what exists (concurrent first uses are harmless). */
	void insertIfAbsent(String tenant, Category c) {
		jdbc.sql("""
				insert into case_category (tenant_id, code, name, group_code, group_name, description, keywords,
				                           default_priority, public_visible, attributes, active, sort_order)
				values (:tenant, :code, :name, :groupCode, :groupName, :description, :keywords, :priority, :public,
				        cast(:attributes as jsonb), :active, :sort)
				on conflict (tenant_id, code) do nothing
				""")
			.param("tenant", tenant)
			.param("code", c.code())
			.param("name", c.name())
			.param("groupCode", c.groupCode())
			.param("groupName", c.groupName())
			.param("description", c.description())
			.param("keywords", c.keywords().toArray(String[]::new))
			.param("priority", c.defaultPriority().name())
			.param("public", c.publicVisible())
			.param("attributes", json.writeValueAsString(c.attributes()))
			.param("active", c.active())
			.param("sort", c.sortOrder())
			.update();
	}

	Optional<Category> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from case_category where code = :code")
			.param("code", code)
			.query(this::map)
			.optional();
	}

	List<Category> all() {
		return jdbc.sql("select " + COLUMNS + " from case_category order by sort_order, code").query(this::map).list();
	}

	List<SlaRule> slaRules() {
		return jdbc.sql("select category_code, priority, hours from case_sla order by category_code, priority")
			.query((rs, n) -> new SlaRule(rs.getString(1), Priority.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
	}

	void replaceSla(String tenant, List<SlaRule> rules) {
		jdbc.sql("delete from case_sla").update();
		for (SlaRule rule : rules) {
			jdbc.sql("insert into case_sla (tenant_id, category_code, priority, hours) values (:t, :c, :p, :h)")
				.param("t", tenant)
				.param("c", rule.category())
				.param("p", rule.priority().name())
				.param("h", rule.hours())
				.update();
		}
	}

	private Category map(ResultSet rs, int row) throws SQLException {
		return new Category(rs.getString("code"), rs.getString("name"), rs.getString("group_code"),
				rs.getString("group_name"), rs.getString("description"),
				Arrays.asList((String[]) rs.getArray("keywords").getArray()),
				Priority.valueOf(rs.getString("default_priority")), rs.getBoolean("public_visible"),
				json.readValue(rs.getString("attributes"), ATTRIBUTES), rs.getBoolean("active"), rs.getInt("sort_order"));
	}
}
