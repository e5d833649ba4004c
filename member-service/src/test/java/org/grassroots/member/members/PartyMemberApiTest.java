package org.grassroots.member.members;

import java.util.List;
import java.util.Map;

import org.grassroots.member.MemberServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Party members' personal data: encrypted at rest, masked by default, plaintext only for the roles that need it
 * and with a purpose, every plaintext read audited; and invisible to other districts.
 */
class PartyMemberApiTest extends MemberServiceTestBase {

	@Test
	void storesOnlyCiphertextAndAnswersMaskedByDefault() {
		Tree tree = tree();
		String idNumber = idNumber();
		Response created = registerMember(COMMUNITY_STAFF, tree.branch(), "林海燕", idNumber, "138 1234 5678", "REGULAR", null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json("$.id");
		assertThat((String) created.json("$.idNumber")).isEqualTo(idNumber.substring(0, 4) + "**********"
				+ idNumber.substring(14));
		assertThat((String) created.json("$.phone")).isEqualTo("138****5678");
		assertThat((List<String>) created.json("$.revealed")).isEmpty();
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(created.body()).doesNotContain(idNumber).doesNotContain("13812345678");

		Map<String, Object> row = query(A, "select id_number_enc, id_number_bidx, phone_enc, t::text as whole "
				+ "from party_member t where id = ?::uuid", id).get(0);
		assertThat((String) row.get("id_number_enc")).startsWith("v1:test-1:");
		assertThat((String) row.get("phone_enc")).startsWith("v1:test-1:");
		assertThat((String) row.get("id_number_bidx")).hasSize(64);
		assertThat((String) row.get("whole")).doesNotContain(idNumber).doesNotContain("13812345678")
			.doesNotContain(idNumber.substring(4, 14));

		for (String token : List.of(ADMIN, STREET_STAFF, COMMUNITY_STAFF)) {
			Response read = http.get("/api/v1/party-members/" + id).bearer(token).send();
			assertThat(read.status()).isEqualTo(200);
			assertThat((String) read.json("$.idNumber")).contains("**********");
			assertThat((String) read.json("$.phone")).isEqualTo("138****5678");
		}
		Response list = http.get("/api/v1/party-members?organizationId=" + tree.branch()).bearer(STREET_STAFF).send();
		assertThat(list.body()).contains(id).doesNotContain(idNumber);
		assertThat(count(A, "select count(*) from personal_data_access where resource_id = ?", id)).isZero();
	}

	@Test
	void plaintextOnlyForTheRightRolesWithAPurposeAndEveryFieldReadIsAudited() {
		Tree tree = tree();
		String idNumber = idNumber();
		String id = registerMember(ADMIN, tree.branch(), "陈志强", idNumber, "13912345678", "REGULAR", "member-chen")
			.json("$.id");
		String reveal = "/api/v1/party-members/" + id + "?reveal=idNumber,phone&purpose=核实党费缴纳身份";

		Response admin = http.get(reveal).bearer(ADMIN).send();
		assertThat(admin.status()).isEqualTo(200);
		assertThat((String) admin.json("$.idNumber")).isEqualTo(idNumber);
		assertThat((String) admin.json("$.phone")).isEqualTo("13912345678");
		assertThat((List<String>) admin.json("$.revealed")).containsExactlyInAnyOrder("idNumber", "phone");

		Response community = http.get("/api/v1/party-members/" + id + "?reveal=phone&purpose=通知参加组织生活")
			.bearer(COMMUNITY_STAFF).send();
		assertThat((String) community.json("$.phone")).isEqualTo("13912345678");
		assertThat((String) community.json("$.idNumber")).contains("*");

		Response self = http.get("/api/v1/party-members/me?reveal=idNumber&purpose=本人查看").bearer(partyMember("member-chen"))
			.send();
		assertThat(self.status()).isEqualTo(200);
		assertThat((String) self.json("$.idNumber")).isEqualTo(idNumber);

		for (String token : List.of(STREET_STAFF, GRID_WORKER, AUDITOR, partyMember("someone-else"),
				TestTokens.integrator(A, "hotline", "members:read"))) {
			Response refused = http.get(reveal).bearer(token).send();
			assertThat(refused.status()).as(refused.body()).isIn(403, 404);
			assertThat(refused.body()).doesNotContain(idNumber).doesNotContain("13912345678");
		}
		Response street = http.get(reveal).bearer(STREET_STAFF).send();
		assertThat((String) street.json("$.code")).isEqualTo("personal-data-reveal-forbidden");
		assertThat(http.get(reveal).bearer(OTHER_COMMUNITY_STAFF).send().status()).isEqualTo(404);

		Response noPurpose = http.get("/api/v1/party-members/" + id + "?reveal=idNumber").bearer(ADMIN).send();
		assertThat(noPurpose.status()).isEqualTo(400);
		assertThat((String) noPurpose.json("$.errors[0].field")).isEqualTo("purpose");
		Response unknownField = http.get("/api/v1/party-members/" + id + "?reveal=address&purpose=x").bearer(ADMIN).send();
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat((String) unknownField.json("$.errors[0].field")).isEqualTo("reveal");

		List<Map<String, Object>> audit = query(A, "select accessor, accessor_roles, field, purpose from "
				+ "personal_data_access where resource_type = 'party_member' and resource_id = ? order by accessed_at, field",
				id);
		assertThat(audit).hasSize(4);
		assertThat(audit).extracting(r -> r.get("accessor") + "/" + r.get("field") + "/" + r.get("purpose"))
			.containsExactlyInAnyOrder("admin-a/idNumber/核实党费缴纳身份", "admin-a/phone/核实党费缴纳身份",
					"community-a/phone/通知参加组织生活", "member-chen/idNumber/本人查看");

		Response log = http.get("/api/v1/audit/personal-data?resourceId=" + id).bearer(AUDITOR).send();
		assertThat(log.status()).isEqualTo(200);
		assertThat((List<String>) log.json("$.items[*].field")).hasSize(4);
		assertThat((List<String>) log.json("$.items[*].accessor")).contains("admin-a", "community-a", "member-chen");
		for (String token : List.of(ADMIN, COMMUNITY_STAFF, STREET_STAFF)) {
			assertThat(http.get("/api/v1/audit/personal-data").bearer(token).send().status()).isEqualTo(403);
		}
		assertThat(http.get("/api/v1/audit/personal-data?resourceId=" + id)
			.bearer(TestTokens.person(B, "auditor-b", B, "AUDITOR")).send().json("$.items").toString()).isEqualTo("[]");
	}

	@Test
	void theAuditLogPagesWithoutLosingRowsAndIsAppendOnly() throws Exception {
		Tree tree = tree();
		String id = registerMember(ADMIN, tree.branch(), "黄丽", idNumber(), "13712345678", "REGULAR", null).json("$.id");
		for (int i = 0; i < 3; i++) {
			http.get("/api/v1/party-members/" + id + "?reveal=idNumber,phone&purpose=分页" + i).bearer(ADMIN).send();
		}
		java.util.Set<String> seen = new java.util.HashSet<>();
		String cursor = null;
		int pages = 0;
		do {
			Response page = http.get("/api/v1/audit/personal-data?resourceId=" + id + "&limit=1"
					+ (cursor == null ? "" : "&cursor=" + cursor)).bearer(AUDITOR).send();
			assertThat(page.status()).isEqualTo(200);
			seen.addAll(page.json("$.items[*].id"));
			cursor = page.json("$.nextCursor");
			pages++;
		}
		while (cursor != null && pages < 20);
		assertThat(seen).hasSize(6);

		var db = org.grassroots.testsupport.TestInfrastructure.database("member");
		try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
				var s = c.createStatement()) {
			s.execute("select set_config('app.tenant_id', '" + A + "', false)");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("delete from personal_data_access"))
				.hasMessageContaining("permission denied");
			org.assertj.core.api.Assertions.assertThatThrownBy(
					() -> s.executeUpdate("update personal_data_access set purpose = 'x'"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void idNumbersAreValidatedWithAReason() {
		Tree tree = tree();
		String valid = idNumber();
		char wrong = valid.charAt(17) == '0' ? '1' : '0';
		Response checkDigit = registerMember(ADMIN, tree.branch(), "王五", valid.substring(0, 17) + wrong, null, "REGULAR",
				null);
		assertThat(checkDigit.status()).isEqualTo(400);
		assertThat((String) checkDigit.json("$.errors[0].field")).isEqualTo("idNumber");
		assertThat((String) checkDigit.json("$.errors[0].message")).contains("校验位");
		Response english = http.post("/api/v1/party-members").bearer(ADMIN).english()
			.json("{\"organizationId\":\"" + tree.branch() + "\",\"name\":\"王五\",\"idNumber\":\"" + valid.substring(0, 17)
					+ wrong + "\",\"category\":\"REGULAR\"}")
			.send();
		assertThat((String) english.json("$.errors[0].message")).contains("check character");

		Response shape = registerMember(ADMIN, tree.branch(), "王五", "44170219800101", null, "REGULAR", null);
		assertThat((String) shape.json("$.errors[0].message")).contains("18");
		String badDate = "44170219801301123";
		Response date = registerMember(ADMIN, tree.branch(), "王五", badDate + check(badDate), null, "REGULAR", null);
		assertThat((String) date.json("$.errors[0].message")).contains("出生日期");
		Response phone = registerMember(ADMIN, tree.branch(), "王五", idNumber(), "12345", "REGULAR", null);
		assertThat((String) phone.json("$.errors[0].field")).isEqualTo("phone");
		Response lowercaseX = registerMember(ADMIN, tree.branch(), "赵六", "11010519491231002x", null, "RETIRED", null);
		assertThat(lowercaseX.status()).as(lowercaseX.body()).isIn(201, 409);
		Response category = registerMember(ADMIN, tree.branch(), "王五", idNumber(), null, "HONORARY", null);
		assertThat(category.status()).isEqualTo(400);
		assertThat(count(A, "select count(*) from party_member where name = '王五'")).isZero();
		Response toGroup = registerMember(ADMIN, tree.community(), "王五", idNumber(), null, "REGULAR", null);
		assertThat((String) toGroup.json("$.errors[0].field")).isEqualTo("organizationId");
	}

	@Test
	void exactLookupByIdNumberAndOnePersonOncePerDistrict() {
		Tree tree = tree();
		String idNumber = idNumber();
		String id = registerMember(ADMIN, tree.branch(), "刘洋", idNumber, null, "REGULAR", null).json("$.id");
		Response found = http.post("/api/v1/party-members/lookup").bearer(COMMUNITY_STAFF)
			.json("{\"idNumber\":\"" + idNumber.toLowerCase() + "\"}").send();
		assertThat(found.status()).isEqualTo(200);
		assertThat((String) found.json("$.id")).isEqualTo(id);
		assertThat(found.body()).doesNotContain(idNumber);
		assertThat(http.post("/api/v1/party-members/lookup").bearer(OTHER_COMMUNITY_STAFF)
			.json("{\"idNumber\":\"" + idNumber + "\"}").send().status()).isEqualTo(404);
		assertThat(http.post("/api/v1/party-members/lookup").bearer(ADMIN).json("{\"idNumber\":\"" + idNumber() + "\"}")
			.send().status()).isEqualTo(404);

		Response again = registerMember(ADMIN, tree.otherBranch(), "刘洋", idNumber, null, "REGULAR", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) again.json("$.code")).isEqualTo("member-duplicate-id-number");

		// the same person may be a member in another district: the index is per district
		String treeB = organization(ADMIN_B, "镜湖区委", "COMMITTEE", null, B);
		String branchB = organization(ADMIN_B, "某支部", "BRANCH", treeB, B);
		assertThat(registerMember(ADMIN_B, branchB, "刘洋", idNumber, null, "REGULAR", null).status()).isEqualTo(201);
	}

	@Test
	void anotherDistrictCannotReadListRevealOrChangeMembers() {
		Tree tree = tree();
		String idNumber = idNumber();
		String id = registerMember(ADMIN, tree.branch(), "郑敏", idNumber, "13612345678", "REGULAR", null).json("$.id");
		assertThat(http.get("/api/v1/party-members/" + id).bearer(ADMIN_B).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/party-members/" + id + "?reveal=idNumber&purpose=x").bearer(ADMIN_B).send().status())
			.isEqualTo(404);
		assertThat((List<String>) http.get("/api/v1/party-members?limit=100").bearer(ADMIN_B).send().json("$.items[*].id"))
			.doesNotContain(id);
		assertThat(http.post("/api/v1/party-members/lookup").bearer(ADMIN_B).json("{\"idNumber\":\"" + idNumber + "\"}")
			.send().status()).isEqualTo(404);
		assertThat(http.patch("/api/v1/party-members/" + id).bearer(ADMIN_B).header("If-Match", "\"1\"")
			.json("{\"name\":\"改\"}").send().status()).isEqualTo(404);
		assertThat(count(B, "select count(*) from party_member where id = ?::uuid", id)).isZero();
		assertThat(count(null, "select count(*) from party_member")).isZero();
		assertThat(count(B, "select count(*) from personal_data_access where resource_id = ?", id)).isZero();
	}

	@Test
	void changesTransfersAndMobileMembers() {
		Tree tree = tree();
		String id = registerMember(COMMUNITY_STAFF, tree.branch(), "孙立", idNumber(), "13512345678", "REGULAR", null)
			.json("$.id");
		Response changed = http.patch("/api/v1/party-members/" + id).bearer(COMMUNITY_STAFF).header("If-Match", "\"1\"")
			.json("{\"phone\":\"13587654321\",\"category\":\"MOBILE\"}").send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat((String) changed.json("$.phone")).isEqualTo("135****4321");
		assertThat((String) http.get("/api/v1/party-members/" + id + "?reveal=phone&purpose=核对").bearer(ADMIN).send()
			.json("$.phone")).isEqualTo("13587654321");
		assertThat(http.patch("/api/v1/party-members/" + id).bearer(COMMUNITY_STAFF).header("If-Match", "\"1\"")
			.json("{\"name\":\"孙力\"}").send().status()).isEqualTo(412);

		String mobileBranch = organization(STREET_STAFF, "外出务工流动党支部", "BRANCH", "MOBILE", tree.street(), STREET);
		Response assigned = http.put("/api/v1/party-members/" + id + "/mobile-branch").bearer(STREET_STAFF)
			.json("{\"branchId\":\"" + mobileBranch + "\",\"location\":\"广州市天河区\"}").send();
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat((String) http.get("/api/v1/party-members/" + id).bearer(ADMIN).send().json("$.mobileBranchId"))
			.isEqualTo(mobileBranch);
		assertThat((List<String>) http.get("/api/v1/party-members?mobileBranchId=" + mobileBranch).bearer(STREET_STAFF)
			.send().json("$.items[*].id")).containsExactly(id);
		Response notMobileBranch = http.put("/api/v1/party-members/" + id + "/mobile-branch").bearer(ADMIN)
			.json("{\"branchId\":\"" + tree.otherBranch() + "\"}").send();
		assertThat(notMobileBranch.status()).isEqualTo(400);

		Response transfer = http.post("/api/v1/party-members/" + id + "/transfers").bearer(COMMUNITY_STAFF)
			.json("{\"toOrganizationId\":\"" + tree.otherBranch() + "\",\"reason\":\"搬家\"}").send();
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		assertThat((String) transfer.json("$.fromOrganizationId")).isEqualTo(tree.branch());
		// the sending community no longer sees the member; the receiving one does
		assertThat(http.get("/api/v1/party-members/" + id).bearer(COMMUNITY_STAFF).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/party-members/" + id).bearer(OTHER_COMMUNITY_STAFF).send().status()).isEqualTo(200);
		Response back = http.post("/api/v1/party-members/" + id + "/transfers").bearer(COMMUNITY_STAFF)
			.json("{\"toOrganizationId\":\"" + tree.branch() + "\"}").send();
		assertThat(back.status()).isEqualTo(404);

		Response out = http.post("/api/v1/party-members/" + id + "/transfers").bearer(OTHER_COMMUNITY_STAFF)
			.json("{\"destination\":\"广州市天河区\",\"reason\":\"长期外出\"}").send();
		assertThat(out.status()).isEqualTo(201);
		Response after = http.get("/api/v1/party-members/" + id).bearer(ADMIN).send();
		assertThat((String) after.json("$.status")).isEqualTo("TRANSFERRED_OUT");
		assertThat((String) after.json("$.mobileBranchId")).isNull();
		Response history = http.get("/api/v1/party-members/" + id + "/transfers").bearer(ADMIN).send();
		assertThat((List<String>) history.json("$.items[*].toOrganizationId")).containsExactly(tree.otherBranch(), null);
		assertThat((List<String>) history.json("$.items[*].destination")).containsExactly(null, "广州市天河区");
		assertThat((List<String>) http.get("/api/v1/party-members/" + id + "/mobile-assignments").bearer(ADMIN).send()
			.json("$.items[*].releasedBy")).containsExactly("community-a2");

		Response both = http.post("/api/v1/party-members/" + id + "/transfers").bearer(ADMIN)
			.json("{\"destination\":\"x\",\"toOrganizationId\":\"" + tree.branch() + "\"}").send();
		assertThat(both.status()).isEqualTo(400);
		Response inactive = http.post("/api/v1/party-members/" + id + "/transfers").bearer(ADMIN)
			.json("{\"toOrganizationId\":\"" + tree.branch() + "\"}").send();
		assertThat(inactive.status()).isEqualTo(409);
	}
}
