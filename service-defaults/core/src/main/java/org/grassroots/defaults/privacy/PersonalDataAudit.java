package org.grassroots.defaults.privacy;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.tenancy.TenantContext;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every plaintext read of personal data (who, when, which record, which field, why) in the same
 * transaction as the read, so a read is never without its audit row; auditors query it per tenant.
 */
public class PersonalDataAudit {

	private final JdbcClient jdbc;

	public PersonalDataAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One audit row. */
	public record Access(UUID id, String accessor, String accessorRoles, String resourceType, String resourceId,
			String field, String purpose, OffsetDateTime accessedAt) {
	}

	public void recordPlaintextRead(Caller caller, String resourceType, String resourceId, String field,
			String purpose) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("plaintext reads must be audited inside the reading transaction");
		}
		jdbc.sql("""
				insert into personal_data_access (id, tenant_id, accessor, accessor_roles, resource_type, resource_id,
				                                  field, purpose)
				values (:id, :tenant, :accessor, :roles, :type, :resourceId, :field, :purpose)
				""").param("id", UUID.randomUUID()).param("tenant", TenantContext.current())
			.param("accessor", caller.subject()).param("roles", String.join(",", caller.roles()))
			.param("type", resourceType).param("resourceId", resourceId).param("field", field)
			.param("purpose", purpose)
			.update();
	}

	/**
	 * Newest first, one page; filters are optional. Pages by (time, id): the fields read in one transaction share
	 * their time, so a time alone would skip or repeat rows at a page boundary. Run inside a transaction of the
	 * auditor's tenant.
	 */
	public Page<Access> page(String resourceType, String resourceId, String accessor, OffsetDateTime before,
			String cursor, int limit) {
		Cursor.Keyset<OffsetDateTime> after = Cursor.after(cursor, OffsetDateTime::parse);
		List<Access> rows = jdbc.sql("""
				select id, accessor, accessor_roles, resource_type, resource_id, field, purpose, accessed_at
				from personal_data_access
				where (cast(:type as text) is null or resource_type = :type)
				  and (cast(:resourceId as text) is null or resource_id = :resourceId)
				  and (cast(:accessor as text) is null or accessor = :accessor)
				  and (cast(:before as timestamptz) is null or accessed_at < :before)
				  and (cast(:afterAt as timestamptz) is null or (accessed_at, id) < (cast(:afterAt as timestamptz), :afterId))
				order by accessed_at desc, id desc
				limit :limit
				""").param("type", resourceType).param("resourceId", resourceId).param("accessor", accessor)
			.param("before", before, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("afterAt", after == null ? null : after.value(), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("afterId", after == null ? null : after.id(), Types.OTHER)
			.param("limit", limit + 1)
			.query((rs, n) -> new Access(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
			.list();
		return Page.of(rows, limit, a -> new Cursor.Keyset<>(a.accessedAt(), a.id()).encode());
	}

}
