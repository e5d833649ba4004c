package org.grassroots.gateway.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.caller.CallerKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonClaimsTest {

	static final OidcProperties DEFAULTS = new OidcProperties("https://idp", null, "tenant", "roles", "region", List.of(),
			Duration.ofSeconds(30), List.of("RS256"), Duration.ofSeconds(5));

	@Test
	void mapsTheStandardClaims() {
		Caller caller = PersonClaims.toCaller(Map.of("sub", "u-1", "tenant", "110101", "roles",
				List.of("community_staff", "GRID-WORKER", "RESIDENT"), "region", "110101/001/002"), DEFAULTS);
		assertThat(caller.kind()).isEqualTo(CallerKind.PERSON);
		assertThat(caller.subject()).isEqualTo("u-1");
		assertThat(caller.tenant()).isEqualTo("110101");
		assertThat(caller.roles()).containsExactly("COMMUNITY_STAFF", "GRID_WORKER", "RESIDENT");
		assertThat(caller.region()).isEqualTo("110101/001/002");
		assertThat(caller.scopes()).isEmpty();
		assertThat(caller.clientId()).isNull();
	}

	@Test
	void claimNamesAreConfigurableIncludingNestedOnes() {
		OidcProperties keycloak = new OidcProperties("https://idp", null, "district", "realm_access.roles", "scope_path",
				List.of(), Duration.ofSeconds(30), List.of("RS256"), Duration.ofSeconds(5));
		Caller caller = PersonClaims.toCaller(Map.of("sub", "u-2", "district", "310101", "realm_access",
				Map.of("roles", List.of("tenant_admin", "offline_access")), "scope_path", "310101"), keycloak);
		assertThat(caller.tenant()).isEqualTo("310101");
		assertThat(caller.roles()).containsExactly("TENANT_ADMIN", "OFFLINE_ACCESS");
		assertThat(caller.region()).isEqualTo("310101");
	}

	@Test
	void rolesMayBeASpaceOrCommaSeparatedString() {
		assertThat(PersonClaims.roles("RESIDENT volunteer,PARTY_MEMBER")).containsExactly("RESIDENT", "VOLUNTEER",
				"PARTY_MEMBER");
		assertThat(PersonClaims.roles(null)).isEmpty();
		assertThat(PersonClaims.roles(42)).isEmpty();
	}

	@Test
	void reservedAndMalformedRolesAreDropped() {
		assertThat(PersonClaims.roles(List.of("INTEGRATOR", "PUBLIC", "ROLE WITH SPACE", "1ABC", "RESIDENT", 7)))
			.containsExactly("RESIDENT");
	}

	@Test
	void onlyPlatformOperatorsMayLackATenant() {
		Caller operator = PersonClaims.toCaller(Map.of("sub", "op", "roles", List.of("PLATFORM_OPERATOR")), DEFAULTS);
		assertThat(operator.tenant()).isNull();
		assertThat(operator.region()).isNull();
		assertInvalid(Map.of("sub", "u", "roles", List.of("RESIDENT")), "tenant");
	}

	@Test
	void rejectsMalformedClaims() {
		assertInvalid(Map.of("tenant", "110101"), "sub");
		assertInvalid(Map.of("sub", " ", "tenant", "110101"), "sub");
		assertInvalid(Map.of("sub", "u", "tenant", "11010"), "tenant");
		assertInvalid(Map.of("sub", "u", "tenant", "11010a"), "tenant");
		assertInvalid(Map.of("sub", "u", "tenant", List.of("110101")), "tenant");
		// a region outside the tenant, or with odd segments
		assertInvalid(Map.of("sub", "u", "tenant", "110101", "region", "110102/001"), "region");
		assertInvalid(Map.of("sub", "u", "tenant", "110101", "region", "1101011"), "region");
		assertInvalid(Map.of("sub", "u", "tenant", "110101", "region", "110101//x"), "region");
		assertInvalid(Map.of("sub", "u", "tenant", "110101", "region", "110101/../x"), "region");
	}

	@Test
	void aNumericTenantClaimIsAccepted() {
		assertThat(PersonClaims.toCaller(Map.of("sub", "u", "tenant", 110101), DEFAULTS).tenant()).isEqualTo("110101");
	}

	private static void assertInvalid(Map<String, Object> claims, String claim) {
		assertThatThrownBy(() -> PersonClaims.toCaller(claims, DEFAULTS)).isInstanceOf(InvalidClaimsException.class)
			.extracting(ex -> ((InvalidClaimsException) ex).claim())
			.isEqualTo(claim);
	}

}
