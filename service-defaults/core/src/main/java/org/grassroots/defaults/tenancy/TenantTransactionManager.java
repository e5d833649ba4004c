package org.grassroots.defaults.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * A JDBC transaction manager that opens every transaction by telling PostgreSQL whose rows it may see:
 * {@code set_config('app.tenant_id', ?, true)} (transaction-local, so a pooled connection never carries a tenant
 * into the next transaction). With no tenant, the setting is empty and row-level security shows nothing.
 */
public class TenantTransactionManager extends JdbcTransactionManager {

	public TenantTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(con, definition);
		String tenant = TenantContext.current();
		String purpose = TenantContext.crossTenantPurpose();
		try (PreparedStatement ps = con
			.prepareStatement("select set_config('app.tenant_id', ?, true), set_config('app.cross_tenant', ?, true)")) {
			ps.setString(1, tenant == null ? "" : tenant);
			ps.setString(2, purpose == null ? "" : purpose);
			ps.execute();
		}
	}
}
