package org.grassroots.grid.support;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.grid.geo.ChinaBounds;

/** Validation of single WGS84 points given as separate latitude and longitude fields. */
public final class Points {

	private Points() {
	}

	/** A 400 naming the fields unless both are present and inside China, or both absent (when optional). */
	public static boolean require(Double lat, Double lng, String latField, String lngField, boolean required) {
		if (lat == null && lng == null) {
			if (required) {
				throw DomainProblem.invalidField(latField, "point-required");
			}
			return false;
		}
		if (lat == null) {
			throw DomainProblem.invalidField(latField, "point-incomplete");
		}
		if (lng == null) {
			throw DomainProblem.invalidField(lngField, "point-incomplete");
		}
		if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
			throw DomainProblem.invalidField(latField, "latitude-range");
		}
		if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
			throw DomainProblem.invalidField(lngField, "longitude-range");
		}
		if (!ChinaBounds.contains(lng, lat)) {
			throw DomainProblem.invalidField(latField, "point-outside-china");
		}
		return true;
	}
}
