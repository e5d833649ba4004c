package org.grassroots.grid.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A validated polygonal area.
 *
 * @param geometry the JTS geometry (x = longitude, y = latitude)
 * @param geoJson the normalized GeoJSON text stored and returned (2D positions as given)
 * @param envelope its bounding box
 * @param areaSquareMeters approximate area
 * @param centerLat latitude of an interior point
 * @param centerLng longitude of an interior point
 * @param vertexCount number of positions
 */
public record ParsedArea(Geometry geometry, String geoJson, Envelope envelope, double areaSquareMeters,
		double centerLat, double centerLng, int vertexCount) {
}
