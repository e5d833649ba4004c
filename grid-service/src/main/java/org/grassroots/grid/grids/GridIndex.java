package org.grassroots.grid.grids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.grassroots.defaults.tenancy.TenantContext;
import org.grassroots.grid.geo.PolygonIndex;
import org.grassroots.grid.geo.GeoJsonPolygons;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Point → grid, answered from memory: one {@link PolygonIndex} (a cell grid over exact ring tests) per tenant over
 * its active grids, built from the database on first use and rebuilt when the tenant's grid index version moves past
 * the one it was built from. Versions arrive through {@link #invalidate} (after a local commit, from a Redis message of another
 * replica, or from the periodic check against the database), so every replica converges on the database, which
 * stays the truth.
 */
@Component
public class GridIndex {

	private static final Logger log = LoggerFactory.getLogger(GridIndex.class);

	/** A tenant's index and the version of the data it was built from. */
	record Snapshot(long version, PolygonIndex<GridRef> index) {
	}

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	private final Map<String, Long> required = new ConcurrentHashMap<>();

	private final Map<String, Object> buildLocks = new ConcurrentHashMap<>();

	private final GridRepository grids;

	private final TransactionTemplate newReadTransaction;

	private final JsonMapper json;

	private final Counter rebuilds;

	GridIndex(GridRepository grids, PlatformTransactionManager transactions, JsonMapper json, MeterRegistry meters) {
		this.grids = grids;
		this.json = json;
		// its own short transaction: an index is never built from another transaction's uncommitted writes
		this.newReadTransaction = new TransactionTemplate(transactions);
		newReadTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		newReadTransaction.setReadOnly(true);
		this.rebuilds = Counter.builder("grassroots.grid.index.rebuilds").register(meters);
	}

	/** The deepest active unit containing the point, with the units above it. */
	public Optional<Located> locate(String tenant, double lat, double lng) {
		Snapshot snapshot = current(tenant);
		List<GridRef> containing = snapshot.index().containing(lng, lat);
		if (containing.isEmpty()) {
			return Optional.empty();
		}
		List<GridRef> path = new ArrayList<>(containing);
		path.sort(java.util.Comparator.comparingInt(g -> g.level().depth()));
		// keep only the chain above the best unit (overlapping siblings are not its ancestors)
		GridRef best = containing.get(0);
		path.removeIf(g -> !best.region().equals(g.region()) && !best.region().startsWith(g.region() + "/"));
		return Optional.of(new Located(best, List.copyOf(path), snapshot.version()));
	}

	/** The deepest active unit containing the point, or {@code null}: the hot path, no allocation of a path. */
	public GridRef locateFast(String tenant, double lat, double lng) {
		return current(tenant).index().locate(lng, lat);
	}

	/** The version of the data a tenant's current index was built from. */
	public long version(String tenant) {
		return current(tenant).version();
	}

	/** The tenant's data is at least at {@code version}: an older index is rebuilt on next use. */
	public void invalidate(String tenant, long version) {
		required.merge(tenant, version, Math::max);
	}

	/** Versions of tenants this replica holds an index for. */
	Map<String, Long> heldVersions() {
		Map<String, Long> held = new java.util.HashMap<>();
		snapshots.forEach((tenant, snapshot) -> held.put(tenant, snapshot.version()));
		return held;
	}

	private Snapshot current(String tenant) {
		Snapshot snapshot = snapshots.get(tenant);
		if (snapshot != null && snapshot.version() >= required.getOrDefault(tenant, 0L)) {
			return snapshot;
		}
		synchronized (buildLocks.computeIfAbsent(tenant, t -> new Object())) {
			snapshot = snapshots.get(tenant);
			if (snapshot != null && snapshot.version() >= required.getOrDefault(tenant, 0L)) {
				return snapshot;
			}
			Snapshot built = build(tenant);
			snapshots.put(tenant, built);
			return built;
		}
	}

	private Snapshot build(String tenant) {
		long start = System.nanoTime();
		Snapshot snapshot = TenantContext.callAs(tenant, () -> newReadTransaction.execute(status -> {
			// the version first: the rows read next are at least that new, so the index is never older than its label
			long version = grids.indexVersion();
			List<PolygonIndex.Entry<GridRef>> entries = new ArrayList<>();
			for (GridRepository.IndexRow row : grids.activeAreas()) {
				try {
					Geometry area = GeoJsonPolygons.readStored(json.readTree(row.geometry()));
					entries.add(new PolygonIndex.Entry<>(row.ref(), area, row.ref().level().depth(), row.area(),
							row.ref().code()));
				}
				catch (RuntimeException ex) {
					// stored geometry was validated on write; a row that no longer parses is skipped, not fatal
					log.error("Grid {} of tenant {} has an unreadable geometry: {}", row.ref().id(), tenant,
							ex.getMessage());
				}
			}
			return new Snapshot(version, PolygonIndex.build(entries));
		}));
		rebuilds.increment();
		log.info("Grid index of tenant {} built: {} areas, version {}, {} ms", tenant, snapshot.index().size(),
				snapshot.version(), (System.nanoTime() - start) / 1_000_000);
		return snapshot;
	}
}
