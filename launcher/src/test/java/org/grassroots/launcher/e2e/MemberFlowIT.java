package org.grassroots.launcher.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.grassroots.launcher.LocalPlatform;
import org.grassroots.launcher.demo.DemoTenants;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.launcher.e2e.Fixtures.A;
import static org.grassroots.launcher.e2e.Fixtures.B;

/**
 * member-service through the gateway: a party organization and a member with an ID number and a phone; community
 * staff read them masked, the tenant admin reveals them with a purpose and the auditor finds that read in the audit
 * log; an invalid ID number is a 400 problem; the other district sees nothing of the member.
 */
@Order(21)
@ExtendWith(PlatformExtension.class)
class MemberFlowIT {

	static final String ORGANIZATIONS = "/api/v1/party-organizations";

	static final String MEMBERS = "/api/v1/party-members";

	static final String AUDIT = "/api/v1/audit/personal-data";

	private final LocalPlatform platform;

	private final Gateway gateway;

	MemberFlowIT(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void membersAreMaskedForStaffRevealedWithAPurposeForTheAdminAndEveryPlaintextReadIsAudited() {
		String staff = platform.tokenFor(A, "COMMUNITY_STAFF");
		String branch = branch(staff);
		String idNumber = idNumber();
		String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		String memberId = register(staff, branch, "测试党员" + suffix(), idNumber, phone);

		Gateway.Reply masked = gateway.get(MEMBERS + "/" + memberId).bearer(staff).send();
		assertThat(masked.status()).as("%s", masked).isEqualTo(200);
		assertThat(masked.header("Cache-Control")).contains("no-store");
		assertThat(masked.json().path("idNumber").asString())
			.isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14))
			.doesNotContain(idNumber.substring(4, 14));
		assertThat(masked.json().path("phone").asString())
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(masked.json().path("revealed")).isEmpty();
		assertThat(masked.body()).doesNotContain(idNumber).doesNotContain(phone);

		// street staff read members masked but may not reveal them
		Gateway.Reply streetReveal = gateway.get(MEMBERS + "/" + memberId + "?reveal=idNumber&purpose=" + q("核对"))
			.bearer(platform.tokenFor(A, "STREET_STAFF"))
			.send();
		assertThat(streetReveal.status()).as("%s", streetReveal).isEqualTo(403);
		assertThat(streetReveal.contentType()).startsWith("application/problem+json");
		assertThat(streetReveal.json().path("type").asString()).endsWith("personal-data-reveal-forbidden");

		String purpose = "党费收缴核对身份-" + suffix();
		Gateway.Reply plain = gateway.get(MEMBERS + "/" + memberId + "?reveal=idNumber,phone&purpose=" + q(purpose))
			.bearer(platform.tokenFor(A, "TENANT_ADMIN"))
			.send();
		assertThat(plain.status()).as("%s", plain).isEqualTo(200);
		assertThat(plain.json().path("idNumber").asString()).isEqualTo(idNumber);
		assertThat(plain.json().path("phone").asString()).isEqualTo(phone);
		assertThat(plain.header("Cache-Control")).contains("no-store");

		Gateway.Reply audit = gateway.get(AUDIT + "?resourceType=party_member&resourceId=" + memberId)
			.bearer(platform.tokenFor(A, "AUDITOR"))
			.send();
		assertThat(audit.status()).as("%s", audit).isEqualTo(200);
		List<JsonNode> rows = StreamSupport.stream(audit.json().path("items").spliterator(), false).toList();
		assertThat(rows).extracting(r -> r.path("field").asString()).containsExactlyInAnyOrder("idNumber", "phone");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.path("accessor").asString()).isEqualTo(A + "-tenant-admin");
			assertThat(row.path("purpose").asString()).isEqualTo(purpose);
			assertThat(row.path("resourceId").asString()).isEqualTo(memberId);
		});
		// the masked read and the refused reveal left no row; the audit log holds no plaintext
		assertThat(audit.body()).doesNotContain(idNumber).doesNotContain(phone);

		// those who read plaintext do not read the audit log
		Gateway.Reply adminAudit = gateway.get(AUDIT + "?resourceId=" + memberId)
			.bearer(platform.tokenFor(A, "TENANT_ADMIN"))
			.send();
		assertThat(adminAudit.status()).as("%s", adminAudit).isEqualTo(403);
	}

	@Test
	void anInvalidIdNumberIsA400ProblemNamingTheFieldAndNothingIsRegistered() {
		String staff = platform.tokenFor(A, "COMMUNITY_STAFF");
		String branch = branch(staff);
		String valid = idNumber();
		char wrong = valid.charAt(17) == '0' ? '1' : '0';
		String name = "校验位错误" + suffix();
		Gateway.Reply refused = gateway.post(MEMBERS, registration(branch, name, valid.substring(0, 17) + wrong,
				"13800000000")).bearer(staff).send();
		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("idNumber");
		assertThat(refused.json().path("errors").path(0).path("message").asString()).contains("校验位");

		Gateway.Reply tooShort = gateway.post(MEMBERS, registration(branch, name, "44170219", "13800000000"))
			.bearer(staff)
			.send();
		assertThat(tooShort.status()).as("%s", tooShort).isEqualTo(400);
		assertThat(tooShort.json().path("errors").path(0).path("field").asString()).isEqualTo("idNumber");

		Gateway.Reply members = gateway.get(MEMBERS + "?organizationId=" + branch + "&limit=100").bearer(staff).send();
		assertThat(members.status()).isEqualTo(200);
		assertThat(members.ids()).isEmpty();
	}

	@Test
	void theOtherDistrictCannotSeeTheMemberOrItsAuditTrail() {
		String staff = platform.tokenFor(A, "COMMUNITY_STAFF");
		String branch = branch(staff);
		String idNumber = idNumber();
		String memberId = register(staff, branch, "隔离党员" + suffix(), idNumber, "13700001111");
		Gateway.Reply revealed = gateway.get(MEMBERS + "/" + memberId + "?reveal=idNumber&purpose=" + q("隔离测试"))
			.bearer(platform.tokenFor(A, "TENANT_ADMIN"))
			.send();
		assertThat(revealed.status()).as("%s", revealed).isEqualTo(200);

		String adminB = platform.tokenFor(B, "TENANT_ADMIN");
		Gateway.Reply get = gateway.get(MEMBERS + "/" + memberId).bearer(adminB).send();
		assertThat(get.status()).as("%s", get).isEqualTo(404);
		assertThat(get.contentType()).startsWith("application/problem+json");
		assertThat(gateway.get(MEMBERS + "/" + memberId + "?reveal=idNumber&purpose=" + q("越界")).bearer(adminB).send()
			.status()).isEqualTo(404);
		assertThat(gateway.get(MEMBERS + "?limit=100").bearer(adminB).send().ids()).doesNotContain(memberId);
		assertThat(gateway.get(MEMBERS + "?organizationId=" + branch).bearer(adminB).send().ids()).isEmpty();
		assertThat(gateway.post(MEMBERS + "/lookup", Map.of("idNumber", idNumber)).bearer(adminB).send().status())
			.isEqualTo(404);
		assertThat(gateway.get(ORGANIZATIONS + "/" + branch).bearer(adminB).send().status()).isEqualTo(404);
		Gateway.Reply auditB = gateway.get(AUDIT + "?resourceId=" + memberId).bearer(platform.tokenFor(B, "AUDITOR"))
			.send();
		assertThat(auditB.status()).as("%s", auditB).isEqualTo(200);
		assertThat(auditB.ids()).isEmpty();

		// while A still finds the member by the blind index
		Gateway.Reply lookupA = gateway.post(MEMBERS + "/lookup", Map.of("idNumber", idNumber))
			.bearer(platform.tokenFor(A, "TENANT_ADMIN"))
			.send();
		assertThat(lookupA.status()).as("%s", lookupA).isEqualTo(200);
		assertThat(lookupA.json().path("id").asString()).isEqualTo(memberId);
	}

	/** A community committee with a branch under it, founded by the community's staff; returns the branch id. */
	private String branch(String staff) {
		String community = DemoTenants.byCode(A).community();
		String suffix = suffix();
		Gateway.Reply committee = gateway.post(ORGANIZATIONS, Map.of("name", "测试社区党委" + suffix, "level", "COMMITTEE",
				"region", community, "contactPhone", "0662-3100000")).bearer(staff).send();
		assertThat(committee.status()).as("%s", committee).isEqualTo(201);
		Gateway.Reply branch = gateway.post(ORGANIZATIONS, Map.of("name", "测试第一党支部" + suffix, "level", "BRANCH",
				"parentId", committee.json().path("id").asString(), "region", community)).bearer(staff).send();
		assertThat(branch.status()).as("%s", branch).isEqualTo(201);
		assertThat(branch.json().path("parentId").asString()).isEqualTo(committee.json().path("id").asString());
		return branch.json().path("id").asString();
	}

	private String register(String staff, String branch, String name, String idNumber, String phone) {
		Gateway.Reply created = gateway.post(MEMBERS, registration(branch, name, idNumber, phone)).bearer(staff).send();
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.body()).doesNotContain(idNumber);
		return created.json().path("id").asString();
	}

	private static Map<String, Object> registration(String branch, String name, String idNumber, String phone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organizationId", branch);
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("phone", phone);
		body.put("category", "REGULAR");
		body.put("joinedOn", "2010-07-01");
		return body;
	}

	/** A random, valid GB 11643 number of someone born in 1985 in 江城区. */
	static String idNumber() {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String body = "441702" + "1985" + String.format("%02d", random.nextInt(1, 13))
				+ String.format("%02d", random.nextInt(1, 29)) + String.format("%03d", random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
