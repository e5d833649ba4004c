package org.grassroots.defaults.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.grassroots.defaults.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events to the service's Redis stream. Rows are locked with SKIP LOCKED so several
 * replicas share the work; a row is marked published only after Redis accepted it, so a crash in between
 * publishes it again (at-least-once; consumers deduplicate by event id).
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final StringRedisTemplate redis;

	private final String stream;

	private final int batchSize;

	private final Duration retention;

	private final Counter published;

	private final Counter failures;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, StringRedisTemplate redis, String stream,
			int batchSize, Duration retention, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.redis = redis;
		this.stream = stream;
		this.batchSize = batchSize;
		this.retention = retention;
		this.published = Counter.builder("grassroots.outbox.published").register(meters);
		this.failures = Counter.builder("grassroots.outbox.failures").register(meters);
	}

	private record Row(long seq, UUID id, String tenant, String source, String type, String subject,
			OffsetDateTime time, String data) {
	}

	@Scheduled(fixedDelayString = "${grassroots.events.relay-interval:PT0.5S}")
	public void relay() {
		try {
			int sent;
			do {
				sent = relayBatch();
			}
			while (sent == batchSize);
		}
		catch (RuntimeException ex) {
			failures.increment();
			log.warn("Outbox relay paused: {}", ex.getMessage());
		}
	}

	/** @return how many events were published */
	public int relayBatch() {
		Integer count = TenantContext.callCrossTenant("outbox-relay", () -> tx.execute(status -> {
			List<Row> rows = jdbc.sql("""
					select seq, id, tenant_id, source, type, subject, time, data::text
					from outbox_event where published_at is null
					order by seq limit :limit for update skip locked
					""").param("limit", batchSize)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
				.list();
			for (Row row : rows) {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("id", row.id().toString());
				fields.put("source", row.source());
				fields.put("type", row.type());
				fields.put("subject", row.subject() == null ? "" : row.subject());
				fields.put("time", row.time().toString());
				fields.put("tenant", row.tenant());
				fields.put("datacontenttype", "application/json");
				fields.put("data", row.data());
				MapRecord<String, String, String> record = StreamRecords.newRecord().in(stream).ofMap(fields);
				redis.opsForStream().add(record);
			}
			if (!rows.isEmpty()) {
				jdbc.sql("update outbox_event set published_at = now() where seq in (:seqs)")
					.param("seqs", rows.stream().map(Row::seq).toList())
					.update();
			}
			return rows.size();
		}));
		int sent = count == null ? 0 : count;
		published.increment(sent);
		return sent;
	}

	@Scheduled(fixedDelayString = "${grassroots.events.outbox-purge-interval:PT1H}", initialDelayString = "PT2M")
	public void purgePublished() {
		TenantContext.callCrossTenant("outbox-relay", () -> tx.execute(status -> jdbc
			.sql("delete from outbox_event where published_at < now() - make_interval(secs => :secs)")
			.param("secs", retention.toSeconds())
			.update()));
	}
}
