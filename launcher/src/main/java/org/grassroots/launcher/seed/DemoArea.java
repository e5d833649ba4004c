package org.grassroots.launcher.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.launcher.demo.DemoTenant;
import org.grassroots.launcher.demo.DemoTenants;

/**
 * The made-up neighbourhood of a demo tenant: its demo street and community, two grids, a compound with one
 * building and three households. Grid-service's demo data creates it; member-service's refers to it (the grid
 * party branch, the households a central household serves), so both read the codes from here.
 *
 * <p>
 * Places are given as offsets in degrees from the community's south-west corner, so both districts get the same
 * layout at their own location: two neighbouring grids side by side inside the community's rectangle.
 *
 * @param tenant the demo tenant
 * @param streetName name of {@link DemoTenant#street()}
 * @param communityName name of {@link DemoTenant#community()}
 * @param city the district as addresses start ("阳江市江城区")
 * @param originLat latitude of the community's south-west corner
 * @param originLng longitude of the community's south-west corner
 * @param compoundName the residential compound in the first grid
 * @param road the compound's street address
 * @param otherRoad the street address of the rental in the second grid
 * @param staff names of the demo people who staff the grids
 */
record DemoArea(DemoTenant tenant, String streetName, String communityName, String city, double originLat,
		double originLng, String compoundName, String road, String otherRoad, GridStaffNames staff) {

	/** Which of the two grids: the last part of its code. */
	static final String FIRST_GRID = "G01";

	static final String SECOND_GRID = "G02";

	/** The grids' outlines: neighbours sharing one edge, each a slightly irregular pentagon. */
	private static final double[][] FIRST_GRID_RING = { { 0.0010, 0.0010 }, { 0.0060, 0.0008 }, { 0.0062, 0.0055 },
			{ 0.0045, 0.0072 }, { 0.0012, 0.0068 } };

	private static final double[][] SECOND_GRID_RING = { { 0.0060, 0.0008 }, { 0.0116, 0.0014 },
			{ 0.0120, 0.0060 }, { 0.0090, 0.0076 }, { 0.0062, 0.0055 } };

	private static final double[][] COMMUNITY_RING = { { 0, 0 }, { 0.0130, 0 }, { 0.0130, 0.0085 },
			{ 0, 0.0085 } };

	private static final Map<String, DemoArea> BY_TENANT = new LinkedHashMap<>();

	static {
		// 阳江市江城区 南恩街道, around 21.86 N 111.98 E
		put("441702", "南恩街道", "漠阳社区", "阳江市江城区", 21.8560, 111.9740, "漠阳花园", "南恩路88号", "东门南路17号",
				new GridStaffNames("梁淑芬", "冯国华", "陈志明"));
		// 芜湖市镜湖区 范罗山街道, around 31.35 N 118.38 E
		put("340202", "范罗山街道", "雨耕山社区", "芜湖市镜湖区", 31.3460, 118.3740, "雨耕苑", "中山北路66号", "吉和北路17号",
				new GridStaffNames("王丽娟", "孙建平", "刘强"));
	}

	private static void put(String code, String street, String community, String city, double lat, double lng,
			String compound, String road, String otherRoad, GridStaffNames staff) {
		BY_TENANT.put(code, new DemoArea(DemoTenants.byCode(code), street, community, city,
				lat, lng, compound, road, otherRoad, staff));
	}

	/** The demo area of a demo tenant. */
	static DemoArea of(DemoTenant tenant) {
		DemoArea area = BY_TENANT.get(tenant.code());
		if (area == null) {
			throw new IllegalArgumentException("No demo area for tenant " + tenant.code());
		}
		return area;
	}

	/**
	 * Names of the people on the grids' staff, all demo clients: the community worker heads the grids (社区干部兼任网格长),
	 * the street worker is their instructor (街道下沉干部任网格指导员), the grid worker works both.
	 */
	record GridStaffNames(String head, String instructor, String worker) {
	}

	// ---- codes ------------------------------------------------------------------------------------------------

	/** The street's own code: the last segment of its path. */
	String streetCode() {
		return lastSegment(tenant.street());
	}

	String communityCode() {
		return lastSegment(tenant.community());
	}

	/**
	 * A grid's code: unique in the district, so the community's code comes first ({@code 441702001003-G01}); a bare
	 * {@code G01} would collide with any other community's first grid.
	 */
	String gridCode(String which) {
		return communityCode() + "-" + which;
	}

	String gridPath(String which) {
		return tenant.community() + "/" + gridCode(which);
	}

	String gridName(String which) {
		return communityName + (FIRST_GRID.equals(which) ? "第一网格" : "第二网格");
	}

	String compoundCode() {
		return communityCode() + "-C01";
	}

	String buildingCode() {
		return compoundCode() + "-B01";
	}

	String buildingName() {
		return compoundName + "1栋";
	}

	/** The district's household numbers: community code and a running number. */
	String householdCode(int number) {
		return communityCode() + "-" + String.format("%04d", number);
	}

	// ---- geometry -----------------------------------------------------------------------------------------

	/** A GeoJSON Polygon of the community's outline. */
	Map<String, Object> communityBoundary() {
		return polygon(COMMUNITY_RING);
	}

	/** A GeoJSON Polygon of one of the two grids. */
	Map<String, Object> gridBoundary(String which) {
		return polygon(FIRST_GRID.equals(which) ? FIRST_GRID_RING : SECOND_GRID_RING);
	}

	/** A point inside the community, {@code {lat, lng}}, at these offsets (degrees east, north). */
	Map<String, Object> point(double east, double north) {
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("lat", round(originLat + north));
		point.put("lng", round(originLng + east));
		return point;
	}

	/** The compound's centre, in the first grid. */
	Map<String, Object> compoundLocation() {
		return point(0.0032, 0.0038);
	}

	Map<String, Object> buildingLocation() {
		return point(0.0030, 0.0040);
	}

	private Map<String, Object> polygon(double[][] offsets) {
		List<List<Double>> ring = new ArrayList<>();
		for (double[] offset : offsets) {
			ring.add(List.of(round(originLng + offset[0]), round(originLat + offset[1])));
		}
		ring.add(ring.get(0));
		Map<String, Object> polygon = new LinkedHashMap<>();
		polygon.put("type", "Polygon");
		polygon.put("coordinates", List.of(ring));
		return polygon;
	}

	/** Six decimals (about 0.1 m): no floating-point tails like 111.97500000000001 in the stored GeoJSON. */
	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
