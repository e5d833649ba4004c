package org.grassroots.grid.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Reads GeoJSON {@code Polygon} and {@code MultiPolygon} geometries (RFC 7946, WGS84 longitude/latitude) into JTS
 * and refuses what cannot be a grid: other types, malformed coordinates, rings that are not closed or too short,
 * positions outside China, and topologically invalid shapes (self-intersections, holes outside their shell,
 * overlapping parts). Every refusal is a {@link GeometryProblem} naming the rule and where it was broken.
 */
public final class GeoJsonPolygons {

	/** Positions per geometry: a grid boundary needs far fewer; this bounds the cost of a single write. */
	public static final int MAX_VERTICES = 20_000;

	/** Compact coordinates (two doubles per position): 100,000 grids of 50 vertices stay well under 100 MB. */
	public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326,
			PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

	private GeoJsonPolygons() {
	}

	public static ParsedArea parse(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new GeometryProblem("geometry-required");
		}
		if (!node.isObject()) {
			throw new GeometryProblem("geometry-not-object");
		}
		JsonNode typeNode = node.get("type");
		String type = typeNode != null && typeNode.isString() ? typeNode.stringValue() : null;
		JsonNode coordinates = node.get("coordinates");
		if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
			throw new GeometryProblem("geometry-type", type == null ? "null" : type);
		}
		if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
			throw new GeometryProblem("geometry-coordinates", "coordinates");
		}
		int[] vertices = { 0 };
		List<Polygon> polygons = new ArrayList<>();
		if ("Polygon".equals(type)) {
			polygons.add(polygon(coordinates, "coordinates", vertices));
		}
		else {
			for (int i = 0; i < coordinates.size(); i++) {
				polygons.add(polygon(coordinates.get(i), "coordinates[" + i + "]", vertices));
			}
		}
		Geometry geometry = polygons.size() == 1 && "Polygon".equals(type) ? polygons.get(0)
				: FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
		TopologyValidationError error = new IsValidOp(geometry).getValidationError();
		if (error != null) {
			Coordinate at = error.getCoordinate();
			double lng = at == null ? Double.NaN : at.x;
			double lat = at == null ? Double.NaN : at.y;
			if (error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
					|| error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION) {
				throw new GeometryProblem("geometry-self-intersection", fmt(lng), fmt(lat));
			}
			throw new GeometryProblem("geometry-invalid", error.getMessage(), fmt(lng), fmt(lat));
		}
		double area = Geodesy.areaSquareMeters(geometry);
		if (area <= 0) {
			throw new GeometryProblem("geometry-invalid", "Zero area", fmt(geometry.getCoordinate().x),
					fmt(geometry.getCoordinate().y));
		}
		Point inside = geometry.getInteriorPoint();
		return new ParsedArea(geometry, toGeoJson(geometry), geometry.getEnvelopeInternal(), area, inside.getY(),
				inside.getX(), vertices[0]);
	}

	/**
	 * Reads a geometry this class validated earlier (as stored): the same structural checks, no topology check.
	 */
	public static Geometry readStored(JsonNode node) {
		String type = node.get("type").stringValue();
		JsonNode coordinates = node.get("coordinates");
		int[] vertices = { 0 };
		if ("Polygon".equals(type)) {
			return polygon(coordinates, "coordinates", vertices);
		}
		Polygon[] parts = new Polygon[coordinates.size()];
		for (int i = 0; i < parts.length; i++) {
			parts[i] = polygon(coordinates.get(i), "coordinates[" + i + "]", vertices);
		}
		return FACTORY.createMultiPolygon(parts);
	}

	private static Polygon polygon(JsonNode rings, String path, int[] vertices) {
		if (rings == null || !rings.isArray() || rings.isEmpty()) {
			throw new GeometryProblem("geometry-coordinates", path);
		}
		LinearRing shell = ring(rings.get(0), path + "[0]", vertices);
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i), path + "[" + i + "]", vertices);
		}
		return FACTORY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions, String path, int[] vertices) {
		if (positions == null || !positions.isArray()) {
			throw new GeometryProblem("geometry-coordinates", path);
		}
		int n = positions.size();
		if (n < 4) {
			throw new GeometryProblem("geometry-ring-too-short", path, n);
		}
		vertices[0] += n;
		if (vertices[0] > MAX_VERTICES) {
			throw new GeometryProblem("geometry-too-many-vertices", MAX_VERTICES);
		}
		double[] packed = new double[n * 2];
		for (int i = 0; i < n; i++) {
			JsonNode position = positions.get(i);
			String at = path + "[" + i + "]";
			if (position == null || !position.isArray() || position.size() < 2 || position.size() > 3
					|| !position.get(0).isNumber() || !position.get(1).isNumber()) {
				throw new GeometryProblem("geometry-coordinates", at);
			}
			double lng = position.get(0).doubleValue();
			double lat = position.get(1).doubleValue();
			if (!Double.isFinite(lng) || !Double.isFinite(lat)) {
				throw new GeometryProblem("geometry-coordinates", at);
			}
			if (!ChinaBounds.contains(lng, lat)) {
				throw new GeometryProblem("geometry-out-of-bounds", at, fmt(lng), fmt(lat));
			}
			packed[2 * i] = lng;
			packed[2 * i + 1] = lat;
		}
		if (packed[0] != packed[2 * n - 2] || packed[1] != packed[2 * n - 1]) {
			throw new GeometryProblem("geometry-ring-unclosed", path);
		}
		return FACTORY.createLinearRing(PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(packed, 2));
	}

	/** GeoJSON text of a Polygon or MultiPolygon. */
	public static String toGeoJson(Geometry geometry) {
		StringBuilder out = new StringBuilder(64 + geometry.getNumPoints() * 24);
		if (geometry instanceof Polygon polygon) {
			out.append("{\"type\":\"Polygon\",\"coordinates\":");
			rings(out, polygon);
		}
		else {
			out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				if (i > 0) {
					out.append(',');
				}
				rings(out, (Polygon) geometry.getGeometryN(i));
			}
			out.append(']');
		}
		return out.append('}').toString();
	}

	private static void rings(StringBuilder out, Polygon polygon) {
		out.append('[');
		positions(out, polygon.getExteriorRing().getCoordinateSequence());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			out.append(',');
			positions(out, polygon.getInteriorRingN(i).getCoordinateSequence());
		}
		out.append(']');
	}

	private static void positions(StringBuilder out, org.locationtech.jts.geom.CoordinateSequence seq) {
		out.append('[');
		for (int i = 0; i < seq.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('[').append(number(seq.getX(i))).append(',').append(number(seq.getY(i))).append(']');
		}
		out.append(']');
	}

	private static String number(double value) {
		// plain decimal notation (never 1.0E-4), which every GeoJSON reader accepts
		return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	static String fmt(double value) {
		return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.6f", value);
	}
}
