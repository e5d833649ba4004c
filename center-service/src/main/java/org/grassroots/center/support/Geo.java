package org.grassroots.center.support;

/**
 * Distances on the earth and the walking estimate the map and the coverage analysis share. There is no street
 * network here: walking distance is the straight-line distance times a detour factor, walked at a steady pace.
 */
public final class Geo {

	public static final double EARTH_RADIUS_M = 6_371_008.8;

	/** Walking distance ≈ straight-line distance × 1.3 (typical detour factor of urban street grids). */
	public static final double DETOUR_FACTOR = 1.3;

	/** 80 m a minute, 4.8 km/h: an unhurried adult pace. */
	public static final double WALKING_METERS_PER_MINUTE = 80.0;

	/** Metres per degree of latitude (mean). */
	public static final double METERS_PER_DEGREE_LAT = 111_195.0;

	private Geo() {
	}

	/** Great-circle (haversine) distance in metres. */
	public static double distanceMeters(double lat1, double lng1, double lat2, double lng2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lng2 - lng1);
		double s1 = Math.sin(dp / 2);
		double s2 = Math.sin(dl / 2);
		double a = s1 * s1 + Math.cos(p1) * Math.cos(p2) * s2 * s2;
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	public static double walkingMeters(double straightMeters) {
		return straightMeters * DETOUR_FACTOR;
	}

	public static int walkingMinutes(double straightMeters) {
		return (int) Math.ceil(walkingMeters(straightMeters) / WALKING_METERS_PER_MINUTE);
	}

	/** The straight-line radius that a walking distance allows. */
	public static double straightRadiusFor(double walkingMeters) {
		return walkingMeters / DETOUR_FACTOR;
	}

	/** Degrees of latitude that span at least {@code meters}. */
	public static double latDegrees(double meters) {
		return meters / METERS_PER_DEGREE_LAT;
	}

	/** Degrees of longitude that span at least {@code meters} at every latitude within {@code lat ± latSpan}. */
	public static double lngDegrees(double meters, double lat, double latSpan) {
		double worst = Math.min(89.0, Math.abs(lat) + latSpan);
		return meters / (METERS_PER_DEGREE_LAT * Math.max(0.01, Math.cos(Math.toRadians(worst))));
	}
}
