package org.grassroots.gateway.persistence;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when row-level security could be bypassed: the application role must not be a superuser,
 * must lack BYPASSRLS, must own no table (owners bypass unforced policies and can drop them), and every table
 * with a {@code tenant_id} column must have RLS enabled and forced. Runs after Flyway (it uses the JDBC client,
 * which Boot orders after migrations).
 */
@Component
public class DatabaseRoleGuard implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoleGuard.class);

	private final JdbcClient jdbc;

	public DatabaseRoleGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterPropertiesSet() {
		check(jdbc);
	}

	/** Throws {@link IllegalStateException} naming what is wrong. */
	public static void check(JdbcClient jdbc) {
		RoleAttributes role = jdbc.sql("""
				select current_user as name, rolsuper as superuser, rolbypassrls as bypass_rls
				from pg_roles where rolname = current_user
				""").query(RoleAttributes.class).single();
		if (role.superuser() || role.bypassRls()) {
			throw new IllegalStateException("The gateway's database role '" + role.name()
					+ "' is a superuser or has BYPASSRLS; connect as the application role (no superuser, "
					+ "no BYPASSRLS) so row-level security applies");
		}
		List<String> owned = jdbc.sql("""
				select c.relname from pg_class c
				where c.relowner = (select oid from pg_roles where rolname = current_user)
				  and c.relkind in ('r', 'p', 'v', 'm')
				  and c.relnamespace = current_schema()::regnamespace
				""").query(String.class).list();
		if (!owned.isEmpty()) {
			throw new IllegalStateException("The gateway's database role '" + role.name() + "' owns " + owned
					+ "; migrations must run as the owner role (spring.flyway.user) and the application role must "
					+ "own nothing");
		}
		List<String> unguarded = jdbc.sql("""
				select c.relname from pg_class c
				join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
				where c.relkind in ('r', 'p')
				  and c.relnamespace = current_schema()::regnamespace
				  and not (c.relrowsecurity and c.relforcerowsecurity)
				""").query(String.class).list();
		if (!unguarded.isEmpty()) {
			throw new IllegalStateException("Tenant tables without forced row-level security: " + unguarded);
		}
		log.info("Database role '{}' checked: no superuser, no BYPASSRLS, owns nothing; tenant tables force RLS",
				role.name());
	}

	record RoleAttributes(String name, boolean superuser, boolean bypassRls) {
	}

}
