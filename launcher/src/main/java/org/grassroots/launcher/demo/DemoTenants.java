package org.grassroots.launcher.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo districts and clients the launcher registers with its issuer and seeds through the gateway. Street and
 * community codes follow the statistical division codes (9 and 12 digits) under the district code, so data scopes
 * look like production ones: {@code 441702/441702001/441702001003}.
 */
public final class DemoTenants {

	public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

	/** One client per role per tenant. */
	public static final List<String> ROLES = List.of("TENANT_ADMIN", "STREET_STAFF", "COMMUNITY_STAFF", "GRID_WORKER",
			"PARTY_MEMBER", "VOLUNTEER", "RESIDENT", "AUDITOR");

	private static final List<DemoTenant> TENANTS = List.of(
			// 阳江市江城区: 南恩街道 / 一个社区
			tenant("441702", "阳江市江城区", "441702001", "441702001003"),
			// 芜湖市镜湖区: 范罗山街道 / 一个社区
			tenant("340202", "芜湖市镜湖区", "340202003", "340202003002"));

	private static final DemoClient OPERATOR = new DemoClient("platform-operator", null, List.of(PLATFORM_OPERATOR),
			null);

	private DemoTenants() {
	}

	public static List<DemoTenant> all() {
		return TENANTS;
	}

	public static DemoTenant byCode(String code) {
		return TENANTS.stream()
			.filter(t -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo tenant " + code + "; have "
					+ TENANTS.stream().map(DemoTenant::code).toList()));
	}

	/** The platform operator: no tenant, manages tenants. */
	public static DemoClient operator() {
		return OPERATOR;
	}

	/** Every client the issuer knows. */
	public static List<DemoClient> allClients() {
		List<DemoClient> clients = new ArrayList<>();
		clients.add(OPERATOR);
		TENANTS.forEach(t -> clients.addAll(t.clients()));
		return List.copyOf(clients);
	}

	private static DemoTenant tenant(String code, String name, String streetCode, String communityCode) {
		String street = code + "/" + streetCode;
		String community = street + "/" + communityCode;
		List<DemoClient> clients = ROLES.stream()
			.map(role -> new DemoClient(clientId(code, role), code, List.of(role), regionFor(role, code, street,
					community)))
			.toList();
		return new DemoTenant(code, name, "Asia/Shanghai", street, community, clients);
	}

	/**
	 * District-wide roles see the whole tenant; street staff their street; everyone working in or living in a
	 * community (including grid workers, whose grids lie inside it) that community.
	 */
	private static String regionFor(String role, String code, String street, String community) {
		return switch (role) {
			case "TENANT_ADMIN", "AUDITOR" -> code;
			case "STREET_STAFF" -> street;
			default -> community;
		};
	}

	private static String clientId(String code, String role) {
		return code + "-" + role.toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
