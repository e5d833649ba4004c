package org.grassroots.gateway.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.grassroots.gateway.persistence.RowLevelSecurity;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes integrator calls to {@code integrator_call_audit} asynchronously: requests only offer to a bounded queue
 * (a full queue drops the call and counts it in {@code gateway.audit.dropped}); one background thread writes
 * batches, one multi-row insert per tenant inside that tenant's row-level-security transaction.
 */
@Component
public class IntegratorCallAuditor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntegratorCallAuditor.class);

	static final int MAX_PATH_LENGTH = 512;

	private final BlockingQueue<IntegratorCall> queue;

	private final AuditProperties properties;

	private final JdbcClient jdbc;

	private final RowLevelSecurity rls;

	private final Counter dropped;

	private final Counter written;

	private final Counter failed;

	private volatile ScheduledExecutorService writer;

	public IntegratorCallAuditor(AuditProperties properties, JdbcClient jdbc, RowLevelSecurity rls,
			MeterRegistry meters) {
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.properties = properties;
		this.jdbc = jdbc;
		this.rls = rls;
		this.dropped = Counter.builder("gateway.audit.dropped")
			.description("Integrator calls not audited because the queue was full")
			.register(meters);
		this.written = Counter.builder("gateway.audit.written").register(meters);
		this.failed = Counter.builder("gateway.audit.failed")
			.description("Integrator calls lost because their batch could not be written")
			.register(meters);
		Gauge.builder("gateway.audit.queue.size", queue, BlockingQueue::size).register(meters);
	}

	/** Never blocks: a full queue drops the call. */
	public void record(IntegratorCall call) {
		if (!queue.offer(call)) {
			dropped.increment();
		}
	}

	/** Writes everything queued so far (the background thread calls this; tests may too). */
	public synchronized void flush() {
		List<IntegratorCall> batch = new ArrayList<>(properties.batchSize());
		while (queue.drainTo(batch, properties.batchSize()) > 0) {
			write(batch);
			batch.clear();
		}
	}

	private void write(List<IntegratorCall> batch) {
		Map<String, List<IntegratorCall>> byTenant = new LinkedHashMap<>();
		for (IntegratorCall call : batch) {
			byTenant.computeIfAbsent(call.tenantId(), t -> new ArrayList<>()).add(call);
		}
		byTenant.forEach((tenant, calls) -> {
			try {
				rls.inTenant(tenant, () -> insert(calls));
				written.increment(calls.size());
			}
			catch (RuntimeException ex) {
				failed.increment(calls.size());
				log.warn("Could not write {} integrator audit rows for tenant {}: {}", calls.size(), tenant,
						ex.toString());
			}
		});
	}

	private int insert(List<IntegratorCall> calls) {
		StringJoiner values = new StringJoiner(", ");
		List<Object> parameters = new ArrayList<>(calls.size() * 8);
		for (IntegratorCall call : calls) {
			values.add("(?, ?, ?, ?, ?, ?, ?, ?)");
			String path = call.path().length() > MAX_PATH_LENGTH ? call.path().substring(0, MAX_PATH_LENGTH) : call.path();
			parameters.add(call.tenantId());
			parameters.add(call.clientId());
			parameters.add(call.routeId());
			parameters.add(call.method());
			parameters.add(path);
			parameters.add(call.status());
			parameters.add(call.latencyMs());
			parameters.add(call.at());
		}
		return jdbc.sql("insert into integrator_call_audit "
				+ "(tenant_id, client_id, route_id, method, path, status, latency_ms, at) values " + values)
			.params(parameters)
			.update();
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "integrator-audit-writer");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.flushInterval().toMillis();
		executor.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
		this.writer = executor;
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Integrator audit flush failed: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = writer;
		if (executor != null) {
			executor.shutdown();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			writer = null;
		}
		// what is still queued at shutdown is written before the datasource closes
		flushQuietly();
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}

	@Override
	public int getPhase() {
		// stop after the web server (graceful shutdown and stop run in higher phases) so in-flight calls are recorded
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
