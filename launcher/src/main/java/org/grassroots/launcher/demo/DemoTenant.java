package org.grassroots.launcher.demo;

import java.util.List;

/**
 * A demo district with one client per demo role.
 *
 * @param code district code (GB/T 2260)
 * @param name district name
 * @param timeZone tenant setting
 * @param street path of the demo street ({@code {code}/{street}})
 * @param community path of the demo community ({@code {code}/{street}/{community}})
 * @param clients one per role in {@link DemoTenants#ROLES}
 */
public record DemoTenant(String code, String name, String timeZone, String street, String community,
		List<DemoClient> clients) {

	public DemoTenant {
		clients = List.copyOf(clients);
	}

	public DemoClient client(String role) {
		return clients.stream()
			.filter(c -> c.hasRole(role))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Tenant " + code + " has no demo client with role " + role
					+ "; roles: " + DemoTenants.ROLES));
	}

}
