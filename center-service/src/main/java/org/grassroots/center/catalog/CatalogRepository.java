package org.grassroots.center.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogRepository {

	private final JdbcClient jdbc;

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean hasCategories() {
		return jdbc.sql("select exists (select 1 from service_category)").query(Boolean.class).single();
	}

	void insertCategory(String tenant, String code, String name, int sortOrder, boolean ignoreExisting) {
		jdbc.sql("insert into service_category (tenant_id, code, name, sort_order) values (:tenant, :code, :name, :sort)"
				+ (ignoreExisting ? " on conflict do nothing" : ""))
			.param("tenant", tenant).param("code", code).param("name", name).param("sort", sortOrder)
			.update();
	}

	void insertItem(String tenant, String code, String category, String name, String description, int sortOrder,
			boolean ignoreExisting) {
		jdbc.sql("insert into service_item (tenant_id, code, category_code, name, description, sort_order) "
				+ "values (:tenant, :code, :category, :name, :description, :sort)"
				+ (ignoreExisting ? " on conflict do nothing" : ""))
			.param("tenant", tenant).param("code", code).param("category", category).param("name", name)
			.param("description", description).param("sort", sortOrder)
			.update();
	}

	boolean categoryExists(String code) {
		return jdbc.sql("select exists (select 1 from service_category where code = :code)")
			.param("code", code).query(Boolean.class).single();
	}

	List<ServiceCategory> categories() {
		List<ServiceItem> items = jdbc.sql("""
				select code, category_code, name, description, sort_order, active from service_item
				order by sort_order, code
				""").query((rs, n) -> new ServiceItem(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getInt(5), rs.getBoolean(6))).list();
		record Row(String code, String name, int sortOrder) {
		}
		return jdbc.sql("select code, name, sort_order from service_category order by sort_order, code")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list()
			.stream()
			.map(c -> new ServiceCategory(c.code(), c.name(), c.sortOrder(),
					items.stream().filter(i -> i.categoryCode().equals(c.code())).toList()))
			.toList();
	}

	/** The codes among {@code codes} that exist and are active. */
	Set<String> activeItems(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select code from service_item where active and code in (:codes)")
			.param("codes", codes).query(String.class).list());
	}

	int nextSortOrder(String table) {
		return jdbc.sql("select coalesce(max(sort_order), 0) + 1 from " + table).query(Integer.class).single();
	}
}
