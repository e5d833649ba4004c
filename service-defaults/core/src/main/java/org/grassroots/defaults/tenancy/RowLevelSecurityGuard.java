package org.grassroots.defaults.tenancy;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start the service when tenant isolation could silently fail: the application role is a superuser,
 * may bypass row-level security, or owns tables (owners skip policies unless forced); or a table with a
 * {@code tenant_id} column lacks enabled and forced row-level security with a policy.
 */
public class RowLevelSecurityGuard implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(RowLevelSecurityGuard.class);

	private final JdbcClient jdbc;

	public RowLevelSecurityGuard(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = findProblems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Tenant isolation is not guaranteed, refusing to start: " + problems);
		}
		log.info("Row-level security verified for role {}", jdbc.sql("select current_user").query(String.class).single());
	}

	List<String> findProblems() {
		List<String> problems = new java.util.ArrayList<>();
		record RoleFlags(String name, boolean superuser, boolean bypassRls) {
		}
		RoleFlags role = jdbc.sql("select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user")
			.query((rs, n) -> new RoleFlags(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.single();
		if (role.superuser()) {
			problems.add("application role " + role.name() + " is a superuser");
		}
		if (role.bypassRls()) {
			problems.add("application role " + role.name() + " has BYPASSRLS");
		}
		List<String> owned = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relowner = (select oid from pg_roles where rolname = current_user)
				  and c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
				""").query(String.class).list();
		if (!owned.isEmpty()) {
			problems.add("application role owns tables " + owned);
		}
		List<String> unguarded = jdbc.sql("""
				select c.relname from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
				where c.relkind in ('r', 'p') and n.nspname = current_schema()
				  and (not c.relrowsecurity or not c.relforcerowsecurity
				       or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
				order by 1
				""").query(String.class).list();
		if (!unguarded.isEmpty()) {
			problems.add("tables with tenant_id lack forced row-level security: " + unguarded);
		}
		return problems;
	}
}
