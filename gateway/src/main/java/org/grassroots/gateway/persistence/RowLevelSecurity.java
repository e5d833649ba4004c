package org.grassroots.gateway.persistence;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs JDBC work in a transaction that names its tenant (or its cross-tenant purpose) for PostgreSQL row-level
 * security. Both settings are transaction-local ({@code set_config(..., true)}), so they never leak to the next
 * user of a pooled connection.
 */
@Component
public class RowLevelSecurity {

	/** The one cross-tenant purpose the gateway has: finding an API key before its tenant is known. */
	public static final String API_KEY_LOOKUP = "api-key-lookup";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public RowLevelSecurity(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Work that sees and writes only the rows of {@code tenant}. */
	public <T> T inTenant(String tenant, Supplier<T> work) {
		if (tenant == null || tenant.isBlank()) {
			throw new IllegalArgumentException("A tenant is required");
		}
		return transactions.execute(status -> {
			jdbc.sql("select set_config('app.tenant_id', ?, true)").param(tenant).query(String.class).single();
			return work.get();
		});
	}

	/** Work across tenants, admitted only by tables whose policy names {@code purpose}. */
	public <T> T crossTenant(String purpose, Supplier<T> work) {
		return transactions.execute(status -> {
			jdbc.sql("select set_config('app.cross_tenant', ?, true)").param(purpose).query(String.class).single();
			return work.get();
		});
	}

	/** Switches the current transaction to one tenant (e.g. after a cross-tenant lookup found the row). */
	public void enterTenant(String tenant) {
		jdbc.sql("select set_config('app.tenant_id', ?, true)").param(tenant).query(String.class).single();
		jdbc.sql("select set_config('app.cross_tenant', '', true)").query(String.class).single();
	}

}
