package org.grassroots.center.settings;

/**
 * center-service's own per-tenant settings. The gateway owns tenant settings but does not pass them to services
 * yet; until it does, the time zone that "open now", bookings and monthly statistics use is kept here.
 *
 * @param timeZone an IANA zone id, {@code Asia/Shanghai} unless changed
 * @param version optimistic-concurrency version (0 while the defaults were never changed)
 */
public record TenantSettings(String timeZone, long version) {

	public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
}
