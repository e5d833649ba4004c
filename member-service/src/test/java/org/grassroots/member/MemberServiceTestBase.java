package org.grassroots.member;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.grassroots.testsupport.DatabaseCredentials;
import org.grassroots.testsupport.TestHttp;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context for every integration test of member-service, on real PostgreSQL and Redis, with WireMock as
 * grid-service. Helpers build the usual fixtures through the API, as a client would.
 */
@MemberServiceTest
public abstract class MemberServiceTestBase {

	protected static final WireMockServer GRID = MemberTestInfrastructure.GRID;

	public static final String A = "441702";

	public static final String B = "340202";

	public static final String STREET = A + "/441702001";

	public static final String COMMUNITY = STREET + "/441702001003";

	public static final String OTHER_COMMUNITY = STREET + "/441702001004";

	public static final String OTHER_STREET = A + "/441702002";

	protected static final String ADMIN = longLived(A, "admin-a", A, "TENANT_ADMIN");

	protected static final String STREET_STAFF = longLived(A, "street-a", STREET, "STREET_STAFF");

	protected static final String COMMUNITY_STAFF = longLived(A, "community-a", COMMUNITY, "COMMUNITY_STAFF");

	protected static final String OTHER_COMMUNITY_STAFF = longLived(A, "community-a2", OTHER_COMMUNITY,
			"COMMUNITY_STAFF");

	protected static final String AUDITOR = longLived(A, "auditor-a", A, "AUDITOR");

	protected static final String GRID_WORKER = longLived(A, "grid-a", COMMUNITY, "GRID_WORKER");

	protected static final String ADMIN_B = longLived(B, "admin-b", B, "TENANT_ADMIN");

	/** Households grid-service knows, by id: the stub answers lookups from this map. */
	private static final Map<UUID, String> KNOWN_HOUSEHOLDS = new ConcurrentHashMap<>();

	private static final AtomicInteger SEQUENCE = new AtomicInteger(new java.util.Random().nextInt(500));

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry breakers;

	protected TestHttp http;

	/** WireMock's first answer in a JVM is slow; pay for it here, not inside a timed call of the service. */
	@org.junit.jupiter.api.BeforeAll
	static void warmUpGrid() {
		new TestHttp(GRID.baseUrl()).get("/__admin/mappings").send();
	}

	@BeforeEach
	void client() {
		http = new TestHttp("http://localhost:" + port);
		GRID.resetAll();
		stubGrid();
		breakers.circuitBreaker("grid-service").reset();
	}

	protected void resetGridBreaker() {
		breakers.circuitBreaker("grid-service").reset();
	}

	// ---- people ----------------------------------------------------------------------------------------------

	protected static String token(String tenant, String subject, String region, String... roles) {
		return longLived(tenant, subject, region, roles);
	}

	protected static String partyMember(String subject) {
		return longLived(A, subject, COMMUNITY, "PARTY_MEMBER");
	}

	/**
	 * Tokens for the whole test run: the gateway's last a minute, but on a busy machine the shared context may take
	 * longer than that to start.
	 */
	protected static String longLived(String tenant, String subject, String region, String... roles) {
		return TestTokens.builder(tenant, subject).region(region).roles(roles).ttl(java.time.Duration.ofHours(2)).mint();
	}

	// ---- ID numbers -------------------------------------------------------------------------------------------

	/** A valid, unique (per test JVM) resident ID number of someone born in the district. */
	protected static String idNumber() {
		int n = SEQUENCE.incrementAndGet();
		String first17 = "441702" + String.format("19%02d", 50 + n % 45) + String.format("%02d", 1 + n % 12)
				+ String.format("%02d", 1 + (n / 12) % 28) + String.format("%03d", n % 1000);
		return first17 + check(first17);
	}

	protected static char check(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		char[] check = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return check[sum % 11];
	}

	// ---- fixtures through the API ----------------------------------------------------------------------------

	protected String organization(String token, String name, String level, String parentId, String region) {
		return organization(token, name, level, "REGULAR", parentId, region);
	}

	protected String organization(String token, String name, String level, String category, String parentId,
			String region) {
		String body = "{\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"category\":\"" + category + "\","
				+ (parentId == null ? "" : "\"parentId\":\"" + parentId + "\",") + "\"region\":\"" + region + "\""
				+ ("GRID".equals(category) ? ",\"gridId\":\"" + UUID.randomUUID() + "\"" : "")
				+ ",\"contactPhone\":\"0662-3312345\"}";
		Response created = http.post("/api/v1/party-organizations").bearer(token).json(body).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json("$.id");
	}

	/** The usual tree of tenant A: district committee → street committee → community committee → branch. */
	protected record Tree(String district, String street, String community, String branch, String otherCommunity,
			String otherBranch) {
	}

	protected Tree tree() {
		String district = organization(ADMIN, "江城区委", "COMMITTEE", null, A);
		String street = organization(ADMIN, "南恩街道党工委", "COMMITTEE", district, STREET);
		String community = organization(ADMIN, "某社区党委", "COMMITTEE", street, COMMUNITY);
		String branch = organization(ADMIN, "某社区第一党支部", "BRANCH", community, COMMUNITY);
		String other = organization(ADMIN, "另一社区党委", "COMMITTEE", street, OTHER_COMMUNITY);
		String otherBranch = organization(ADMIN, "另一社区党支部", "BRANCH", other, OTHER_COMMUNITY);
		return new Tree(district, street, community, branch, other, otherBranch);
	}

	protected Response registerMember(String token, String organizationId, String name, String idNumber, String phone,
			String category, String account) {
		String body = "{\"organizationId\":\"" + organizationId + "\",\"name\":\"" + name + "\",\"idNumber\":\""
				+ idNumber + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"category\":\"" + category
				+ "\"" + (account == null ? "" : ",\"accountSubject\":\"" + account + "\"") + "}";
		return http.post("/api/v1/party-members").bearer(token).json(body).send();
	}

	protected String member(String organizationId, String name) {
		Response created = registerMember(ADMIN, organizationId, name, idNumber(), "13812345678", "REGULAR", null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json("$.id");
	}

	/** New households grid-service knows, in the region. */
	protected List<UUID> households(String region, int count) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			KNOWN_HOUSEHOLDS.put(id, region);
			ids.add(id);
		}
		stubGrid();
		return ids;
	}

	/** grid-service's lookup answers with every household it knows; member-service keeps the ones it asked for. */
	protected void stubGrid() {
		StringBuilder found = new StringBuilder();
		for (Map.Entry<UUID, String> e : new LinkedHashMap<>(KNOWN_HOUSEHOLDS).entrySet()) {
			if (!found.isEmpty()) {
				found.append(',');
			}
			found.append("{\"id\":\"").append(e.getKey()).append("\",\"region\":\"").append(e.getValue()).append("\"}");
		}
		GRID.stubFor(post(urlEqualTo("/api/v1/households/lookup"))
			.willReturn(okJson("{\"found\":[" + found + "],\"missing\":[]}")));
	}

	protected String designate(String token, String memberId, String organizationId, List<UUID> households,
			String... roles) {
		Response created = http.post("/api/v1/central-households").bearer(token).json(designation(memberId,
				organizationId, households, roles)).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json("$.id");
	}

	protected static String designation(String memberId, String organizationId, List<UUID> households,
			String... roles) {
		List<String> quotedRoles = new ArrayList<>();
		for (String role : roles) {
			quotedRoles.add("\"" + role + "\"");
		}
		return "{\"memberId\":\"" + memberId + "\",\"organizationId\":\"" + organizationId + "\",\"roles\":["
				+ String.join(",", quotedRoles) + "],\"householdIds\":" + uuids(households) + "}";
	}

	protected static String uuids(List<UUID> ids) {
		List<String> quoted = new ArrayList<>();
		for (UUID id : ids) {
			quoted.add("\"" + id + "\"");
		}
		return "[" + String.join(",", quoted) + "]";
	}

	// ---- the database as the application role ---------------------------------------------------------------

	/** Runs a query as the application role with the tenant set, as the service would. */
	protected static List<Map<String, Object>> query(String tenant, String sql, Object... params) {
		DatabaseCredentials db = TestInfrastructure.database("member");
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				ps.setString(1, tenant == null ? "" : tenant);
				ps.execute();
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					ps.setObject(i + 1, params[i]);
				}
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						Map<String, Object> row = new LinkedHashMap<>();
						for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
							row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
						}
						rows.add(row);
					}
				}
			}
			c.rollback();
			return rows;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static long count(String tenant, String sql, Object... params) {
		return ((Number) query(tenant, sql, params).get(0).values().iterator().next()).longValue();
	}
}
