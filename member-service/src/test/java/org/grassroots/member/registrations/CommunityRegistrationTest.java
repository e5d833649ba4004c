package org.grassroots.member.registrations;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.member.MemberServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dual registration: in-service members report to their residential community, which lists their service. */
class CommunityRegistrationTest extends MemberServiceTestBase {

	@Test
	void inServiceMembersRegisterAndTheCommunityListsThemWithTheirService() {
		Tree tree = tree();
		// works at a unit of another street, lives in the community
		String workplaceCommittee = organization(ADMIN, "区财政局机关党委", "COMMITTEE", tree.district(), OTHER_STREET);
		String workplaceBranch = organization(ADMIN, "区财政局第一党支部", "BRANCH", workplaceCommittee, OTHER_STREET);
		String idNumber = idNumber();
		String member = registerMember(ADMIN, workplaceBranch, "蒋在职", idNumber, "13312345678", "IN_SERVICE", "member-jiang")
			.json("$.id");
		String self = partyMember("member-jiang");
		assertThat(http.get("/api/v1/party-members/" + member).bearer(COMMUNITY_STAFF).send().status()).isEqualTo(404);

		Response registered = http.post("/api/v1/community-registrations").bearer(self)
			.json("{\"community\":\"" + COMMUNITY + "\",\"note\":\"愿参加志愿服务\"}").send();
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String id = registered.json("$.id");
		assertThat((String) registered.json("$.memberId")).isEqualTo(member);

		// now the community sees the member (masked) and may record their service
		Response seen = http.get("/api/v1/party-members/" + member).bearer(COMMUNITY_STAFF).send();
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.body()).doesNotContain(idNumber);
		assertThat(http.get("/api/v1/party-members/" + member + "?reveal=phone&purpose=联系").bearer(COMMUNITY_STAFF).send()
			.status()).as("the residential community is not the member's own organization").isEqualTo(403);
		Response record = http.post("/api/v1/community-registrations/" + id + "/service-records").bearer(COMMUNITY_STAFF)
			.json("{\"servedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"minutes\":120,\"description\":\"清理楼道杂物\"}")
			.send();
		assertThat(record.status()).as(record.body()).isEqualTo(201);
		http.post("/api/v1/community-registrations/" + id + "/service-records").bearer(self)
			.json("{\"servedOn\":\"" + LocalDate.now() + "\",\"minutes\":60,\"description\":\"政策宣讲\"}").send();

		Response list = http.get("/api/v1/community-registrations?community=" + COMMUNITY).bearer(COMMUNITY_STAFF).send();
		assertThat(list.status()).isEqualTo(200);
		String prefix = "$.items[?(@.id == '" + id + "')]";
		assertThat((List<Integer>) list.json(prefix + ".serviceCount")).containsExactly(2);
		assertThat((List<Integer>) list.json(prefix + ".serviceMinutes")).containsExactly(180);
		assertThat((List<String>) list.json(prefix + ".organizationName")).containsExactly("区财政局第一党支部");
		assertThat((List<String>) http.get("/api/v1/community-registrations/" + id + "/service-records?limit=1").bearer(self)
			.send().json("$.items[*].description")).containsExactly("政策宣讲");
		assertThat((List<String>) http.get("/api/v1/community-registrations").bearer(OTHER_COMMUNITY_STAFF).send()
			.json("$.items[*].id")).doesNotContain(id);
		assertThat(http.get("/api/v1/community-registrations/" + id).bearer(ADMIN_B).send().status()).isEqualTo(404);

		Response twice = http.post("/api/v1/community-registrations").bearer(self)
			.json("{\"community\":\"" + OTHER_COMMUNITY + "\"}").send();
		assertThat(twice.status()).isEqualTo(409);
		assertThat((String) twice.json("$.code")).isEqualTo("member-already-registered");

		String regular = member(tree.branch(), "韩普通");
		Response notInService = http.post("/api/v1/community-registrations").bearer(COMMUNITY_STAFF)
			.json("{\"memberId\":\"" + regular + "\",\"community\":\"" + COMMUNITY + "\"}").send();
		assertThat(notInService.status()).isEqualTo(409);
		assertThat((String) notInService.json("$.code")).isEqualTo("member-not-in-service");
		Response streetLevel = http.post("/api/v1/community-registrations").bearer(self)
			.json("{\"community\":\"" + STREET + "\"}").send();
		assertThat(streetLevel.status()).isEqualTo(400);
		assertThat(http.post("/api/v1/community-registrations").bearer(OTHER_COMMUNITY_STAFF)
			.json("{\"memberId\":\"" + member + "\",\"community\":\"" + COMMUNITY + "\"}").send().status()).isEqualTo(403);

		assertThat((String) http.post("/api/v1/community-registrations/" + id + "/end").bearer(self).send().json("$.status"))
			.isEqualTo("ENDED");
		assertThat(http.get("/api/v1/party-members/" + member).bearer(COMMUNITY_STAFF).send().status()).isEqualTo(404);
		assertThat(http.post("/api/v1/community-registrations").bearer(self)
			.json("{\"community\":\"" + OTHER_COMMUNITY + "\"}").send().status()).isEqualTo(201);
		assertThat(http.post("/api/v1/community-registrations").bearer(TestTokens.person(A, "v", COMMUNITY, "VOLUNTEER"))
			.json("{\"community\":\"" + COMMUNITY + "\"}").send().status()).isEqualTo(403);
	}
}
