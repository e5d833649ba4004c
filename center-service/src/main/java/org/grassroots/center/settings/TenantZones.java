package org.grassroots.center.settings;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.defaults.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time zone of a tenant, as "open now", booking rules and monthly statistics need it. Cached per replica for
 * {@link #TTL}: a change reaches the other replicas within that time.
 */
@Component
public class TenantZones {

	static final Duration TTL = Duration.ofSeconds(30);

	private record Cached(ZoneId zone, long loadedAt) {
	}

	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	private final TenantSettingsRepository settings;

	private final TransactionTemplate tx;

	TenantZones(TenantSettingsRepository settings, TransactionTemplate tx) {
		this.settings = settings;
		this.tx = tx;
	}

	/** The zone of the current tenant ({@link TenantContext}). */
	public ZoneId current() {
		String tenant = TenantContext.current();
		if (tenant == null) {
			return ZoneId.of(TenantSettings.DEFAULT_TIME_ZONE);
		}
		long now = System.nanoTime();
		Cached cached = cache.get(tenant);
		if (cached != null && now - cached.loadedAt() < TTL.toNanos()) {
			return cached.zone();
		}
		String id = tx.execute(status -> settings.find()
			.map(TenantSettings::timeZone)
			.orElse(TenantSettings.DEFAULT_TIME_ZONE));
		ZoneId zone = ZoneId.of(id == null ? TenantSettings.DEFAULT_TIME_ZONE : id);
		cache.put(tenant, new Cached(zone, now));
		return zone;
	}

	public ZonedDateTime now() {
		return ZonedDateTime.now(current());
	}

	void forget(String tenant) {
		cache.remove(tenant);
	}
}
