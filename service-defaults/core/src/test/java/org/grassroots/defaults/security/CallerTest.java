package org.grassroots.defaults.security;

import java.util.Set;

import org.grassroots.defaults.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

	static Caller caller(String region, String... roles) {
		return new Caller("u", "441702", Set.of(roles), region, "person", Set.of(), "t");
	}

	@Test
	void aCommunityCallerCoversItsSubtreeOnly() {
		Caller community = caller("441702/01/003", Roles.COMMUNITY_STAFF);
		assertThat(community.covers("441702/01/003")).isTrue();
		assertThat(community.covers("441702/01/003/compound-7")).isTrue();
		assertThat(community.covers("441702/01/0031")).as("a sibling sharing a prefix").isFalse();
		assertThat(community.covers("441702/01")).isFalse();
		assertThat(community.covers(null)).isFalse();
		assertThat(community.scopePrefix()).isEqualTo("441702/01/003");
	}

	@Test
	void aTenantWideCallerCoversEverything() {
		assertThat(caller("441702", Roles.TENANT_ADMIN).covers("441702/09/001")).isTrue();
		assertThat(caller(null, Roles.TENANT_ADMIN).covers("441702/09/001")).isTrue();
		assertThat(caller(null, Roles.TENANT_ADMIN).scopePrefix()).isEqualTo("441702");
	}

	@Test
	void rolesAndScopesAreChecked() {
		Caller staff = caller("441702", Roles.STREET_STAFF);
		assertThat(staff.hasAnyRole(Roles.TENANT_ADMIN, Roles.STREET_STAFF)).isTrue();
		assertThatThrownBy(() -> staff.requireAnyRole(Roles.TENANT_ADMIN)).isInstanceOf(DomainProblem.class)
			.extracting(e -> ((DomainProblem) e).status().value())
			.isEqualTo(403);
		Caller integrator = new Caller("client:x", "441702", Set.of(Roles.INTEGRATOR), "441702", "integrator",
				Set.of("cases:read"), "t");
		integrator.requireScope("cases:read");
		assertThatThrownBy(() -> integrator.requireScope("cases:write")).isInstanceOf(DomainProblem.class);
		staff.requireScope("cases:write");
	}

	@Test
	void outOfScopeRecordsAreReportedAsMissing() {
		assertThatThrownBy(() -> caller("441702/01", Roles.STREET_STAFF).requireCovers("441702/02", "网格", "g1"))
			.isInstanceOf(DomainProblem.class)
			.extracting(e -> ((DomainProblem) e).status().value())
			.isEqualTo(404);
	}
}
