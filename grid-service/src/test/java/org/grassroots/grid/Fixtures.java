package org.grassroots.grid;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.grassroots.testsupport.TestHttp;
import org.grassroots.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A street with one community and two side-by-side grids, created through the API at a random place in China so
 * tests sharing a database never overlap:
 *
 * <pre>
 * street     [x, x+0.04] × [y, y+0.04]
 * community  [x+0.005, x+0.035] × [y+0.005, y+0.035]
 * grid 1     [x+0.005, x+0.020] × [y+0.005, y+0.025]     grid 2 [x+0.020, x+0.035] × same
 * </pre>
 * The community's top strip lies in no grid, the street's rim in no community.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** The created area. */
	public record Area(String tenant, String admin, double x, double y, String streetId, String communityId,
			String grid1Id, String grid2Id, String street, String community, String grid1, String grid2,
			String grid1Code) {

		/** lat, lng inside grid 1. */
		public double[] inGrid1() {
			return new double[] { y + 0.015, x + 0.012 };
		}

		public double[] inGrid2() {
			return new double[] { y + 0.015, x + 0.028 };
		}

		/** In the community, in no grid. */
		public double[] inCommunityOnly() {
			return new double[] { y + 0.030, x + 0.020 };
		}

		/** In the street, in no community. */
		public double[] inStreetOnly() {
			return new double[] { y + 0.038, x + 0.002 };
		}

		/** Outside everything (still in China). */
		public double[] nowhere() {
			return new double[] { y + 0.2, x + 0.2 };
		}

		/** A token of staff with this role scoped to the community. */
		public String communityStaff(String subject, String... roles) {
			return TestTokens.person(tenant, subject, community, roles);
		}
	}

	public static String square(double minLng, double minLat, double maxLng, double maxLat) {
		return String.format(Locale.ROOT,
				"{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
				minLng, minLat, maxLng, minLat, maxLng, maxLat, minLng, maxLat, minLng, minLat);
	}

	public static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	public static Area create(TestHttp http, String tenant) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		double x = 100 + random.nextDouble() * 20;
		double y = 24 + random.nextDouble() * 14;
		String admin = TestTokens.person(tenant, "admin-" + tenant, tenant, "TENANT_ADMIN");
		String streetCode = code("S");
		String communityCode = code("C");
		String grid1Code = code("G");
		String grid2Code = code("G");
		TestHttp.Response street = grid(http, admin, streetCode, "测试街道", "STREET", null, square(x, y, x + 0.04, y + 0.04));
		String streetId = street.json("$.id");
		TestHttp.Response community = grid(http, admin, communityCode, "测试社区", "COMMUNITY", streetId,
				square(x + 0.005, y + 0.005, x + 0.035, y + 0.035));
		String communityId = community.json("$.id");
		TestHttp.Response g1 = grid(http, admin, grid1Code, "第一网格", "GRID", communityId,
				square(x + 0.005, y + 0.005, x + 0.020, y + 0.025));
		TestHttp.Response g2 = grid(http, admin, grid2Code, "第二网格", "GRID", communityId,
				square(x + 0.020, y + 0.005, x + 0.035, y + 0.025));
		return new Area(tenant, admin, x, y, streetId, communityId, g1.json("$.id"), g2.json("$.id"),
				street.json("$.region"), community.json("$.region"), g1.json("$.region"), g2.json("$.region"),
				grid1Code);
	}

	static TestHttp.Response grid(TestHttp http, String token, String code, String name, String level,
			String parentId, String geometry) {
		String body = "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level + "\""
				+ (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"")
				+ (geometry == null ? "" : ",\"geometry\":" + geometry) + "}";
		TestHttp.Response response = http.post("/api/v1/grids").bearer(token).json(body).send();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response;
	}
}
