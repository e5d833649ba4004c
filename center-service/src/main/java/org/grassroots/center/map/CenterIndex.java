package org.grassroots.center.map;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.defaults.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public map's in-memory spatial index, one per tenant, on every replica. The database is the truth; the index
 * is a cache of it, tagged with the tenant's version from {@code center_index_version}:
 * <ul>
 * <li>a change bumps the version in its transaction and, after commit, invalidates this replica's copy and tells
 * the other replicas through Redis ({@link MapIndexSync});</li>
 * <li>should a message be lost (Redis restarting, a replica reconnecting), a copy older than
 * {@code grassroots.center.map.index-max-staleness} is checked against the database version before use;</li>
 * <li>a copy is rebuilt from one consistent snapshot (repeatable read) of the tenant's operating centers, by one
 * thread per tenant while the others wait for it.</li>
 * </ul>
 */
@Component
public class CenterIndex {

	private static final Logger log = LoggerFactory.getLogger(CenterIndex.class);

	private record Snapshot(long version, long checkedAt, SpatialIndex<MapPoint> index) {
	}

	private final ConcurrentHashMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	/** The highest version announced per tenant: a copy older than it is never used again. */
	private final ConcurrentHashMap<String, Long> announced = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

	private final MapIndexRepository repository;

	private final TransactionTemplate readTx;

	private final TransactionTemplate snapshotTx;

	private final long maxStalenessNanos;

	CenterIndex(MapIndexRepository repository, PlatformTransactionManager transactions,
			@Value("${grassroots.center.map.index-max-staleness:PT5S}") Duration maxStaleness) {
		this.repository = repository;
		this.readTx = new TransactionTemplate(transactions);
		this.readTx.setReadOnly(true);
		this.snapshotTx = new TransactionTemplate(transactions);
		this.snapshotTx.setReadOnly(true);
		this.snapshotTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.maxStalenessNanos = maxStaleness.toNanos();
	}

	/** The index of the current tenant ({@link TenantContext}), rebuilt first when missing or stale. */
	public SpatialIndex<MapPoint> current() {
		String tenant = TenantContext.current();
		if (tenant == null) {
			throw new IllegalStateException("The map index needs a tenant");
		}
		Snapshot snapshot = usable(tenant);
		if (snapshot != null) {
			long now = System.nanoTime();
			if (now - snapshot.checkedAt() < maxStalenessNanos) {
				return snapshot.index();
			}
			Long version = readTx.execute(status -> repository.version());
			if (version != null && version == snapshot.version()) {
				snapshots.replace(tenant, snapshot, new Snapshot(snapshot.version(), now, snapshot.index()));
				return snapshot.index();
			}
			log.info("Map index of tenant {} is behind the database ({} < {}): rebuilding", tenant, snapshot.version(),
					version);
		}
		synchronized (locks.computeIfAbsent(tenant, t -> new Object())) {
			Snapshot fresh = usable(tenant);
			if (fresh != null && fresh != snapshot && System.nanoTime() - fresh.checkedAt() < maxStalenessNanos) {
				return fresh.index();
			}
			Snapshot built = snapshotTx.execute(status -> {
				long version = repository.version();
				return new Snapshot(version, System.nanoTime(), new SpatialIndex<>(repository.activeCenters()));
			});
			if (built.version() >= announced.getOrDefault(tenant, 0L)) {
				snapshots.put(tenant, built);
			}
			return built.index();
		}
	}

	/** A change of the tenant's centers reached {@code version}: copies older than that are dropped. */
	public void invalidate(String tenant, long version) {
		announced.merge(tenant, version, Math::max);
		snapshots.computeIfPresent(tenant, (t, s) -> s.version() >= version ? s : null);
	}

	/** Versions of the copies this replica holds, by tenant (for diagnostics and tests). */
	public Map<String, Long> heldVersions() {
		Map<String, Long> held = new java.util.HashMap<>();
		snapshots.forEach((tenant, s) -> held.put(tenant, s.version()));
		return held;
	}

	private Snapshot usable(String tenant) {
		Snapshot snapshot = snapshots.get(tenant);
		if (snapshot == null || snapshot.version() < announced.getOrDefault(tenant, 0L)) {
			return null;
		}
		return snapshot;
	}
}
