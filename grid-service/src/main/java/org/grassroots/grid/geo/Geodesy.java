package org.grassroots.grid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.geom.CoordinateSequence;

/** Distances and areas on the WGS84 ellipsoid, approximated well enough for district-sized extents. */
public final class Geodesy {

	private static final double EARTH_RADIUS_M = 6_371_008.8;

	/** Metres per degree of latitude (mean). */
	public static final double METERS_PER_DEGREE_LAT = 110_574.0;

	/** Metres per degree of longitude at the equator. */
	public static final double METERS_PER_DEGREE_LNG_EQUATOR = 111_320.0;

	private Geodesy() {
	}

	/** Great-circle (haversine) distance in metres. */
	public static double distanceMeters(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/** Degrees of latitude spanning {@code meters}. */
	public static double latDegrees(double meters) {
		return meters / METERS_PER_DEGREE_LAT;
	}

	/** Degrees of longitude spanning {@code meters} at latitude {@code lat}. */
	public static double lngDegrees(double meters, double lat) {
		double cos = Math.max(0.01, Math.cos(Math.toRadians(lat)));
		return meters / (METERS_PER_DEGREE_LNG_EQUATOR * cos);
	}

	/** Area in square metres of a lng/lat geometry, by a local equirectangular projection at its centre. */
	public static double areaSquareMeters(Geometry lngLat) {
		if (lngLat.isEmpty()) {
			return 0;
		}
		double lat0 = lngLat.getEnvelopeInternal().centre().y;
		double kx = METERS_PER_DEGREE_LNG_EQUATOR * Math.cos(Math.toRadians(lat0));
		double ky = METERS_PER_DEGREE_LAT;
		Geometry projected = new GeometryTransformer() {
			@Override
			protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
				Coordinate[] out = new Coordinate[coords.size()];
				for (int i = 0; i < coords.size(); i++) {
					out[i] = new Coordinate(coords.getX(i) * kx, coords.getY(i) * ky);
				}
				return factory.getCoordinateSequenceFactory().create(out);
			}
		}.transform(lngLat);
		return projected.getArea();
	}
}
