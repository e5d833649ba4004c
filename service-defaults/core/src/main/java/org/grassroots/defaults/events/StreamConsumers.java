package org.grassroots.defaults.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.grassroots.defaults.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link EventHandler} bean on its own thread: reads its stream in a consumer group, deduplicates through
 * the inbox table, acknowledges after commit, reclaims entries left pending by a crashed or failing consumer, and
 * parks an entry in the dead-letter stream after too many failed deliveries.
 */
public class StreamConsumers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StreamConsumers.class);

	private final List<EventHandler> handlers;

	private final StringRedisTemplate redis;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final String consumerName;

	private final Duration reclaimIdle;

	private final int maxDeliveries;

	private final MeterRegistry meters;

	private final AtomicBoolean running = new AtomicBoolean();

	private final List<Thread> threads = new ArrayList<>();

	public StreamConsumers(List<EventHandler> handlers, StringRedisTemplate redis, JdbcClient jdbc,
			TransactionTemplate tx, String consumerName, Duration reclaimIdle, int maxDeliveries, MeterRegistry meters) {
		this.handlers = handlers;
		this.redis = redis;
		this.jdbc = jdbc;
		this.tx = tx;
		this.consumerName = consumerName;
		this.reclaimIdle = reclaimIdle;
		this.maxDeliveries = maxDeliveries;
		this.meters = meters;
	}

	@Override
	public void start() {
		if (!running.compareAndSet(false, true)) {
			return;
		}
		for (EventHandler handler : handlers) {
			Thread thread = new Thread(() -> loop(handler), "events-" + handler.group());
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
	}

	@Override
	public void stop() {
		running.set(false);
		for (Thread thread : threads) {
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running.get();
	}

	private void loop(EventHandler handler) {
		long nextReclaim = 0;
		boolean groupReady = false;
		while (running.get()) {
			try {
				if (!groupReady) {
					ensureGroup(handler);
					groupReady = true;
				}
				List<MapRecord<String, Object, Object>> records = redis.opsForStream()
					.read(Consumer.from(handler.group(), consumerName),
							StreamReadOptions.empty().count(50).block(Duration.ofSeconds(1)),
							StreamOffset.create(handler.stream(), ReadOffset.lastConsumed()));
				if (records != null) {
					for (MapRecord<String, Object, Object> record : records) {
						process(handler, record);
					}
				}
				if (System.currentTimeMillis() >= nextReclaim) {
					reclaim(handler);
					nextReclaim = System.currentTimeMillis() + reclaimIdle.toMillis() / 2;
				}
			}
			catch (RuntimeException ex) {
				if (!running.get()) {
					return;
				}
				groupReady = false;
				log.warn("Event consumer {} paused: {}", handler.group(), ex.getMessage());
				sleep(Duration.ofSeconds(2));
			}
		}
	}

	private void ensureGroup(EventHandler handler) {
		try {
			// from the start of the stream: events published before this group existed are not lost
			redis.opsForStream().createGroup(handler.stream(), ReadOffset.from("0"), handler.group());
		}
		catch (RedisSystemException ex) {
			if (ex.getMessage() == null || !String.valueOf(ex.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	/** @return true if the entry was handled (or is a duplicate) and acknowledged */
	boolean process(EventHandler handler, MapRecord<String, Object, Object> record) {
		Map<Object, Object> f = record.getValue();
		EventEnvelope event;
		try {
			event = new EventEnvelope(UUID.fromString(str(f, "id")), str(f, "source"), str(f, "type"), str(f, "subject"),
					OffsetDateTime.parse(str(f, "time")), str(f, "tenant"), str(f, "data"));
		}
		catch (RuntimeException ex) {
			log.error("Malformed event {} on {}: parked", record.getId(), handler.stream(), ex);
			deadLetter(handler, record.getId(), f);
			return false;
		}
		if (handler.accepts(event.type())) {
			try {
				TenantContext.runAs(event.tenant(), () -> tx.executeWithoutResult(status -> {
					int fresh = jdbc.sql("""
							insert into inbox_event (consumer, event_id, tenant_id) values (:consumer, :id, :tenant)
							on conflict do nothing
							""").param("consumer", handler.group()).param("id", event.id())
						.param("tenant", event.tenant())
						.update();
					if (fresh == 1) {
						handler.handle(event);
					}
				}));
				meters.counter("grassroots.events.handled", "group", handler.group()).increment();
			}
			catch (RuntimeException ex) {
				meters.counter("grassroots.events.failed", "group", handler.group()).increment();
				log.warn("Event {} ({}) failed in {}, will be redelivered: {}", event.id(), event.type(),
						handler.group(), ex.getMessage());
				return false;
			}
		}
		redis.opsForStream().acknowledge(handler.stream(), handler.group(), record.getId());
		return true;
	}

	private void reclaim(EventHandler handler) {
		PendingMessages pending = redis.opsForStream()
			.pending(handler.stream(), handler.group(), Range.unbounded(), 100);
		for (PendingMessage message : pending) {
			if (message.getElapsedTimeSinceLastDelivery().compareTo(reclaimIdle) < 0) {
				continue;
			}
			List<MapRecord<String, Object, Object>> claimed = redis.opsForStream()
				.claim(handler.stream(), handler.group(), consumerName, reclaimIdle, message.getId());
			for (MapRecord<String, Object, Object> record : claimed) {
				if (message.getTotalDeliveryCount() >= maxDeliveries) {
					log.error("Event {} on {} failed {} times: parked in {}", record.getId(), handler.stream(),
							message.getTotalDeliveryCount(), EventStreams.DEAD_LETTERS);
					deadLetter(handler, record.getId(), record.getValue());
				}
				else {
					process(handler, record);
				}
			}
		}
	}

	private void deadLetter(EventHandler handler, RecordId id, Map<Object, Object> fields) {
		Map<String, String> copy = new java.util.LinkedHashMap<>();
		fields.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
		copy.put("deadLetterGroup", handler.group());
		copy.put("deadLetterStream", handler.stream());
		redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.DEAD_LETTERS).ofMap(copy));
		redis.opsForStream().acknowledge(handler.stream(), handler.group(), id);
		meters.counter("grassroots.events.dead_lettered", "group", handler.group()).increment();
	}

	private static String str(Map<Object, Object> fields, String name) {
		Object value = fields.get(name);
		return value == null ? null : value.toString();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
