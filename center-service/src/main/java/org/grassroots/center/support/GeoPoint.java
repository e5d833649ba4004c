package org.grassroots.center.support;

import jakarta.validation.constraints.NotNull;
import org.grassroots.defaults.problem.DomainProblem;

/**
 * A WGS84 point (GeoJSON order is lng, lat; here named fields). Stored points must lie in China's bounding box:
 * a point outside it is almost always a swapped pair or a typo.
 */
public record GeoPoint(@NotNull Double lat, @NotNull Double lng) {

	static final double CHINA_MIN_LAT = 3.8;

	static final double CHINA_MAX_LAT = 53.6;

	static final double CHINA_MIN_LNG = 73.4;

	static final double CHINA_MAX_LNG = 135.1;

	/** A 400 naming the field unless both coordinates are finite and on the globe. */
	public static void requireOnGlobe(Double lat, Double lng, String latField, String lngField) {
		if (lat == null || !Double.isFinite(lat) || lat < -90 || lat > 90) {
			throw DomainProblem.invalidField(latField, "lat-range");
		}
		if (lng == null || !Double.isFinite(lng) || lng < -180 || lng > 180) {
			throw DomainProblem.invalidField(lngField, "lng-range");
		}
	}

	/** A 400 unless the point is on the globe and inside China's bounding box. */
	public void requireInChina(String field) {
		requireOnGlobe(lat, lng, field + ".lat", field + ".lng");
		if (lat < CHINA_MIN_LAT || lat > CHINA_MAX_LAT || lng < CHINA_MIN_LNG || lng > CHINA_MAX_LNG) {
			throw DomainProblem.invalidField(field, "location-outside-china");
		}
	}
}
