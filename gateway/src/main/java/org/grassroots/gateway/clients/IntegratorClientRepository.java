package org.grassroots.gateway.clients;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.gateway.persistence.RowLevelSecurity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Integrator client rows. The table has forced row-level security: every query runs inside
 * {@link RowLevelSecurity#inTenant} except the key lookup, which names its cross-tenant purpose.
 */
@Repository
class IntegratorClientRepository {

	private static final String COLUMNS = """
			id, tenant_id, name, key_prefix, scopes, rate_limit_per_minute, allowed_ips::text[] as allowed_ips,
			status, created_at, revoked_at""";

	private final JdbcClient jdbc;

	private final RowLevelSecurity rls;

	IntegratorClientRepository(JdbcClient jdbc, RowLevelSecurity rls) {
		this.jdbc = jdbc;
		this.rls = rls;
	}

	IntegratorClient insert(String tenant, String name, String keyPrefix, String keyHash, List<String> scopes,
			int rateLimitPerMinute, List<String> allowedIps) {
		return rls.inTenant(tenant, () -> jdbc.sql("""
				insert into integrator_client
				  (tenant_id, name, key_prefix, key_hash, scopes, rate_limit_per_minute, allowed_ips)
				values (?, ?, ?, ?, ?, ?, ?::cidr[])
				returning""" + " " + COLUMNS)
			.params(tenant, name, keyPrefix, keyHash, scopes.toArray(String[]::new), rateLimitPerMinute,
					allowedIps.isEmpty() ? null : allowedIps.toArray(String[]::new))
			.query(IntegratorClientRepository::map)
			.single());
	}

	/** Up to {@code limit} of the tenant's clients ordered by id, after {@code afterId} when given. */
	List<IntegratorClient> list(String tenant, UUID afterId, int limit) {
		return rls.inTenant(tenant, () -> jdbc.sql("select " + COLUMNS + """
				 from integrator_client
				where tenant_id = ? and (?::uuid is null or id > ?)
				order by id limit ?""")
			.params(tenant, afterId, afterId, limit)
			.query(IntegratorClientRepository::map)
			.list());
	}

	Optional<IntegratorClient> find(String tenant, UUID id) {
		return rls.inTenant(tenant,
				() -> jdbc.sql("select " + COLUMNS + " from integrator_client where tenant_id = ? and id = ?")
					.params(tenant, id)
					.query(IntegratorClientRepository::map)
					.optional());
	}

	/** Revokes the client if it is the tenant's; revoking twice keeps the first revocation time. */
	Optional<IntegratorClient> revoke(String tenant, UUID id) {
		return rls.inTenant(tenant, () -> jdbc.sql("""
				update integrator_client
				set status = 'REVOKED', revoked_at = coalesce(revoked_at, now())
				where tenant_id = ? and id = ?
				returning""" + " " + COLUMNS)
			.params(tenant, id)
			.query(IntegratorClientRepository::map)
			.optional());
	}

	/**
	 * Finds the client whose stored hash is one of {@code hashes} (current pepper first). Runs before the tenant
	 * is known, so it names the {@code api-key-lookup} purpose the table's policy admits. A key still stored
	 * under an old pepper is re-hashed under the current one, inside the client's own tenant.
	 */
	Optional<IntegratorClient> findByKeyHash(List<String> hashes) {
		return rls.crossTenant(RowLevelSecurity.API_KEY_LOOKUP, () -> {
			Optional<KeyMatch> match = jdbc.sql("select key_hash, " + COLUMNS
					+ " from integrator_client where key_hash = any(?) limit 1")
				.param(hashes.toArray(String[]::new))
				.query((rs, row) -> new KeyMatch(rs.getString("key_hash"), map(rs, row)))
				.optional();
			match.filter(m -> !m.keyHash().equals(hashes.get(0))).ifPresent(m -> {
				rls.enterTenant(m.client().tenantId());
				jdbc.sql("update integrator_client set key_hash = ? where id = ? and key_hash = ?")
					.params(hashes.get(0), m.client().id(), m.keyHash())
					.update();
			});
			return match.map(KeyMatch::client);
		});
	}

	private record KeyMatch(String keyHash, IntegratorClient client) {
	}

	private static IntegratorClient map(ResultSet rs, int row) throws SQLException {
		return new IntegratorClient(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("name"),
				rs.getString("key_prefix"), strings(rs.getArray("scopes")), rs.getInt("rate_limit_per_minute"),
				strings(rs.getArray("allowed_ips")), ClientStatus.valueOf(rs.getString("status")),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

}
