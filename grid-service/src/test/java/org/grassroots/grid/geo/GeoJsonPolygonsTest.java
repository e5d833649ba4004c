package org.grassroots.grid.geo;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Geometry validation and the point-in-polygon index, without Spring. */
class GeoJsonPolygonsTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static ParsedArea parse(String geoJson) {
		return GeoJsonPolygons.parse(JSON.readTree(geoJson));
	}

	static String problem(String geoJson) {
		try {
			parse(geoJson);
		}
		catch (GeometryProblem ex) {
			return ex.code();
		}
		return null;
	}

	@Test
	void acceptsPolygonsAndMultiPolygonsAndNormalizes() {
		ParsedArea area = parse("{\"type\":\"Polygon\",\"coordinates\":[[[111.95,21.85],[111.96,21.85],[111.96,21.86],"
				+ "[111.95,21.86],[111.95,21.85]]]}");
		assertThat(area.vertexCount()).isEqualTo(5);
		// about 1.03 km × 1.11 km
		assertThat(area.areaSquareMeters()).isBetween(1.0e6, 1.2e6);
		assertThat(area.geoJson()).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[111.95,21.85],");
		assertThat(area.centerLat()).isBetween(21.85, 21.86);
		ParsedArea multi = parse("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[100,30],[100.1,30],[100.1,30.1],"
				+ "[100,30]]],[[[101,30],[101.1,30],[101.1,30.1],[101,30]]]]}");
		assertThat(multi.geometry().getNumGeometries()).isEqualTo(2);
	}

	@Test
	void refusesWhatCannotBeAGrid() {
		assertThat(problem("{\"type\":\"Point\",\"coordinates\":[111.9,21.8]}")).isEqualTo("geometry-type");
		assertThat(problem("[1,2]")).isEqualTo("geometry-not-object");
		assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[111.95,21.85],[111.96,21.85],[111.96,21.86],"
				+ "[111.95,21.86]]]}")).isEqualTo("geometry-ring-unclosed");
		assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[111.95,21.85],[111.96,21.85],[111.95,21.85]]]}"))
			.isEqualTo("geometry-ring-too-short");
		// a bow tie crosses itself
		assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[111.95,21.85],[111.96,21.86],[111.96,21.85],"
				+ "[111.95,21.86],[111.95,21.85]]]}")).isEqualTo("geometry-self-intersection");
		// latitude and longitude swapped
		assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[21.85,111.95],[21.86,111.95],[21.86,111.96],"
				+ "[21.85,111.95]]]}")).isEqualTo("geometry-out-of-bounds");
		// somewhere in Europe
		assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.8]]]}"))
			.isEqualTo("geometry-out-of-bounds");
		assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[111.95,\"21.85\"],[111.96,21.85],[111.96,21.86],"
				+ "[111.95,21.85]]]}")).isEqualTo("geometry-coordinates");
		assertThat(problem("{\"type\":\"Polygon\"}")).isEqualTo("geometry-coordinates");
		// a hole outside its shell
		assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[100.1,30],[100.1,30.1],[100,30.1],[100,30]],"
				+ "[[101,31],[101.01,31],[101.01,31.01],[101,31]]]}")).isEqualTo("geometry-invalid");
		GeometryProblem where = (GeometryProblem) catchIt("{\"type\":\"Polygon\",\"coordinates\":[[[111.95,21.85],"
				+ "[111.96,21.86],[111.96,21.85],[111.95,21.86],[111.95,21.85]]]}");
		assertThat(List.of(where.args())).containsExactly("111.955000", "21.855000");
	}

	private static Throwable catchIt(String geoJson) {
		try {
			parse(geoJson);
			return null;
		}
		catch (GeometryProblem ex) {
			return ex;
		}
	}

	@Test
	void theIndexPrefersTheDeepestSmallestAreaAndRespectsHoles() {
		ParsedArea street = parse(square(100, 30, 100.04, 30.04));
		ParsedArea grid = parse(square(100.01, 30.01, 100.02, 30.02));
		ParsedArea ring = parse("{\"type\":\"Polygon\",\"coordinates\":[[[100.03,30.0],[100.04,30.0],[100.04,30.01],"
				+ "[100.03,30.01],[100.03,30.0]],[[100.033,30.003],[100.037,30.003],[100.037,30.007],[100.033,30.007],"
				+ "[100.033,30.003]]]}");
		PolygonIndex<String> index = PolygonIndex.build(List.of(new PolygonIndex.Entry<>("street", street.geometry(), 2,
				street.areaSquareMeters(), "s"), new PolygonIndex.Entry<>("grid", grid.geometry(), 4,
						grid.areaSquareMeters(), "g"),
				new PolygonIndex.Entry<>("ring", ring.geometry(), 4, ring.areaSquareMeters(), "r")));
		assertThat(index.locate(100.015, 30.015)).isEqualTo("grid");
		assertThat(index.containing(100.015, 30.015)).containsExactly("grid", "street");
		assertThat(index.locate(100.005, 30.035)).isEqualTo("street");
		assertThat(index.locate(100.031, 30.001)).isEqualTo("ring");
		assertThat(index.locate(100.035, 30.005)).as("in the hole").isEqualTo("street");
		assertThat(index.locate(100.02, 30.015)).as("on the boundary").isEqualTo("grid");
		assertThat(index.locate(101, 31)).isNull();
	}

	@Test
	void refusesEmptyInput() {
		assertThatThrownBy(() -> GeoJsonPolygons.parse(null)).isInstanceOf(GeometryProblem.class);
	}

	static String square(double minLng, double minLat, double maxLng, double maxLat) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[" + minLng + "," + minLat + "],[" + maxLng + "," + minLat + "],["
				+ maxLng + "," + maxLat + "],[" + minLng + "," + maxLat + "],[" + minLng + "," + minLat + "]]]}";
	}
}
