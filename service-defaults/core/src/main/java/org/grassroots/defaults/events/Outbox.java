package org.grassroots.defaults.events;

import java.util.UUID;

import org.grassroots.defaults.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event into the outbox in the caller's transaction, so the state change and its event commit or roll
 * back together. The {@link OutboxRelay} publishes it afterwards.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String source;

	public Outbox(JdbcClient jdbc, JsonMapper json, String source) {
		this.jdbc = jdbc;
		this.json = json;
		this.source = source;
	}

	/** @return the event id */
	public UUID append(String type, String subject, Object data) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.append must run inside the transaction of the state change");
		}
		String tenant = TenantContext.current();
		if (tenant == null) {
			throw new IllegalStateException("Outbox.append needs a tenant");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into outbox_event (id, tenant_id, source, type, subject, data)
				values (:id, :tenant, :source, :type, :subject, cast(:data as jsonb))
				""").param("id", id).param("tenant", tenant).param("source", source).param("type", type)
			.param("subject", subject).param("data", json.writeValueAsString(data))
			.update();
		return id;
	}

	public String source() {
		return source;
	}
}
