package org.grassroots.defaults.idempotency;

import java.time.Duration;
import java.util.Optional;

import org.grassroots.defaults.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency records in the service's own database: the primary key (tenant, caller, key) makes concurrent
 * duplicates race on one insert, so exactly one of them executes.
 */
public class IdempotencyStore {

	/** An in-progress record older than this is taken to be from a crashed request and may be taken over. */
	static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Duration retention;

	public IdempotencyStore(JdbcClient jdbc, TransactionTemplate tx, Duration retention) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.retention = retention;
	}

	/** Stored outcome of an earlier request with the same key. */
	public record StoredResponse(String requestHash, String state, Integer status, String contentType,
			String location, String etag, byte[] body) {

		boolean completed() {
			return "COMPLETED".equals(state);
		}
	}

	/** @return true if this request claimed the key and must execute */
	public boolean claim(String tenant, String caller, String key, String requestHash) {
		return Boolean.TRUE.equals(tx.execute(status -> {
			int inserted = jdbc.sql("""
					insert into idempotency_record (tenant_id, caller, idem_key, request_hash, state)
					values (:tenant, :caller, :key, :hash, 'IN_PROGRESS')
					on conflict do nothing
					""").param("tenant", tenant).param("caller", caller).param("key", key).param("hash", requestHash)
				.update();
			if (inserted == 1) {
				return true;
			}
			// take over a record left behind by a request that never finished
			int takenOver = jdbc.sql("""
					update idempotency_record set request_hash = :hash, created_at = now()
					where tenant_id = :tenant and caller = :caller and idem_key = :key
					  and state = 'IN_PROGRESS' and created_at < now() - make_interval(secs => :age)
					""").param("tenant", tenant).param("caller", caller).param("key", key).param("hash", requestHash)
				.param("age", ABANDONED_AFTER.toSeconds())
				.update();
			return takenOver == 1;
		}));
	}

	public Optional<StoredResponse> find(String tenant, String caller, String key) {
		return tx.execute(status -> jdbc.sql("""
				select request_hash, state, status_code, content_type, location, etag, response_body
				from idempotency_record where tenant_id = :tenant and caller = :caller and idem_key = :key
				""").param("tenant", tenant).param("caller", caller).param("key", key)
			.query((rs, n) -> new StoredResponse(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7)))
			.optional());
	}

	public void complete(String tenant, String caller, String key, int statusCode, String contentType,
			String location, String etag, byte[] body) {
		tx.executeWithoutResult(status -> jdbc.sql("""
				update idempotency_record
				set state = 'COMPLETED', status_code = :status, content_type = :contentType, location = :location,
				    etag = :etag, response_body = :body, completed_at = now()
				where tenant_id = :tenant and caller = :caller and idem_key = :key
				""").param("status", statusCode).param("contentType", contentType).param("location", location)
			.param("etag", etag).param("body", body).param("tenant", tenant).param("caller", caller)
			.param("key", key)
			.update());
	}

	/** The request failed on our side: forget the key so the client may retry it. */
	public void release(String tenant, String caller, String key) {
		tx.executeWithoutResult(status -> jdbc
			.sql("delete from idempotency_record where tenant_id = :tenant and caller = :caller and idem_key = :key")
			.param("tenant", tenant).param("caller", caller).param("key", key)
			.update());
	}

	@Scheduled(fixedDelayString = "${grassroots.idempotency.purge-interval:PT1H}", initialDelayString = "PT1M")
	public void purgeExpired() {
		TenantContext.callCrossTenant("idempotency-purge", () -> tx.execute(status -> jdbc
			.sql("delete from idempotency_record where created_at < now() - make_interval(secs => :secs)")
			.param("secs", retention.toSeconds())
			.update()));
	}
}
