package org.grassroots.grid.geo;

/**
 * The bounding box of the People's Republic of China (mainland, Hainan and the South China Sea islands), WGS84.
 * Coordinates outside it are taken as a mistake (most often latitude and longitude swapped): a district's grids
 * and cases always lie inside.
 */
public final class ChinaBounds {

	public static final double MIN_LNG = 73.4;

	public static final double MAX_LNG = 135.1;

	public static final double MIN_LAT = 3.8;

	public static final double MAX_LAT = 53.6;

	private ChinaBounds() {
	}

	public static boolean contains(double lng, double lat) {
		return lng >= MIN_LNG && lng <= MAX_LNG && lat >= MIN_LAT && lat <= MAX_LAT;
	}
}
