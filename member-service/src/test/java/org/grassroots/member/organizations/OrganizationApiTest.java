package org.grassroots.member.organizations;

import java.util.List;
import java.util.UUID;

import org.grassroots.member.MemberServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The party organization tree: level and region rules, data scope, moves with history and without cycles. */
class OrganizationApiTest extends MemberServiceTestBase {

	@Test
	void buildsATreeWithLevelCategoryAndRegionRules() {
		Tree tree = tree();
		String grid = organization(COMMUNITY_STAFF, "第一网格党支部", "BRANCH", "GRID", tree.community(), COMMUNITY + "/g01");
		String building = organization(COMMUNITY_STAFF, "3栋党小组", "GROUP", "BUILDING", tree.branch(), COMMUNITY);
		Response read = http.get("/api/v1/party-organizations/" + grid).bearer(GRID_WORKER).send();
		assertThat(read.status()).isEqualTo(200);
		assertThat((String) read.json("$.category")).isEqualTo("GRID");
		assertThat((String) read.json("$.parentId")).isEqualTo(tree.community());
		assertThat(read.header("ETag")).isEqualTo("\"1\"");

		List<String> children = http.get("/api/v1/party-organizations?parentId=" + tree.branch()).bearer(ADMIN).send()
			.json("$.items[*].id");
		assertThat(children).containsExactly(building);

		Response groupUnderCommittee = http.post("/api/v1/party-organizations").bearer(ADMIN)
			.json("{\"name\":\"小组\",\"level\":\"GROUP\",\"parentId\":\"" + tree.district() + "\",\"region\":\"" + A + "\"}")
			.send();
		assertThat(groupUnderCommittee.status()).isEqualTo(400);
		assertThat((String) groupUnderCommittee.json("$.errors[0].field")).isEqualTo("level");

		Response outsideParent = http.post("/api/v1/party-organizations").bearer(ADMIN)
			.json("{\"name\":\"支部\",\"level\":\"BRANCH\",\"parentId\":\"" + tree.community() + "\",\"region\":\""
					+ OTHER_COMMUNITY + "\"}")
			.send();
		assertThat(outsideParent.status()).isEqualTo(400);
		assertThat((String) outsideParent.json("$.errors[0].field")).isEqualTo("region");

		Response gridWithoutGrid = http.post("/api/v1/party-organizations").bearer(ADMIN)
			.json("{\"name\":\"网格支部\",\"level\":\"BRANCH\",\"category\":\"GRID\",\"region\":\"" + COMMUNITY + "\"}")
			.send();
		assertThat(gridWithoutGrid.status()).isEqualTo(400);
		assertThat((String) gridWithoutGrid.json("$.errors[0].field")).isEqualTo("gridId");

		Response jointWithoutOrganizations = http.post("/api/v1/party-organizations").bearer(ADMIN)
			.json("{\"name\":\"联合党支部\",\"level\":\"BRANCH\",\"category\":\"JOINT\",\"region\":\"" + STREET + "\"}")
			.send();
		assertThat(jointWithoutOrganizations.status()).isEqualTo(400);
		String joint = http.post("/api/v1/party-organizations").bearer(STREET_STAFF)
			.json("{\"name\":\"社会组织联合党支部\",\"level\":\"BRANCH\",\"category\":\"JOINT\",\"parentId\":\""
					+ tree.street() + "\",\"region\":\"" + STREET + "\",\"socialOrganizations\":[\"阳光社工\",\"益路同行\"]}")
			.send()
			.json("$.id");
		assertThat((List<String>) http.get("/api/v1/party-organizations/" + joint).bearer(ADMIN).send()
			.json("$.socialOrganizations")).containsExactly("阳光社工", "益路同行");

		Response notMyCommunity = http.post("/api/v1/party-organizations").bearer(COMMUNITY_STAFF)
			.json("{\"name\":\"支部\",\"level\":\"BRANCH\",\"parentId\":\"" + tree.otherCommunity() + "\",\"region\":\""
					+ OTHER_COMMUNITY + "\"}")
			.send();
		assertThat(notMyCommunity.status()).isEqualTo(403);
		assertThat((String) notMyCommunity.json("$.code")).isEqualTo("region-outside-scope");

		Response badLevel = http.post("/api/v1/party-organizations").bearer(ADMIN)
			.json("{\"name\":\"支部\",\"level\":\"SQUAD\",\"region\":\"" + A + "\"}")
			.send();
		assertThat(badLevel.status()).isEqualTo(400);
		assertThat((String) badLevel.json("$.errors[0].field")).isEqualTo("level");

		Response resident = http.get("/api/v1/party-organizations/" + grid)
			.bearer(token(A, "r", COMMUNITY, "RESIDENT"))
			.send();
		assertThat(resident.status()).isEqualTo(403);
	}

	@Test
	void movesKeepHistoryAndNeverFormACycle() {
		Tree tree = tree();
		Response moved = http.post("/api/v1/party-organizations/" + tree.branch() + "/moves").bearer(STREET_STAFF)
			.json("{\"parentId\":\"" + tree.otherCommunity() + "\",\"region\":\"" + OTHER_COMMUNITY
					+ "\",\"reason\":\"社区合并\"}")
			.send();
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat((String) moved.json("$.parentId")).isEqualTo(tree.otherCommunity());
		assertThat((String) moved.json("$.region")).isEqualTo(OTHER_COMMUNITY);
		assertThat(moved.header("ETag")).isEqualTo("\"2\"");

		Response history = http.get("/api/v1/party-organizations/" + tree.branch() + "/moves").bearer(ADMIN).send();
		assertThat((List<String>) history.json("$.items[*].fromParentId")).containsExactly(tree.community());
		assertThat((List<String>) history.json("$.items[*].toRegion")).containsExactly(OTHER_COMMUNITY);
		assertThat((List<String>) history.json("$.items[*].reason")).containsExactly("社区合并");
		assertThat((List<String>) history.json("$.items[*].movedBy")).containsExactly("street-a");

		Response cycle = http.post("/api/v1/party-organizations/" + tree.street() + "/moves").bearer(ADMIN)
			.json("{\"parentId\":\"" + tree.otherCommunity() + "\"}")
			.send();
		assertThat(cycle.status()).isEqualTo(409);
		assertThat((String) cycle.json("$.code")).isEqualTo("organization-move-cycle");

		Response strands = http.post("/api/v1/party-organizations/" + tree.otherCommunity() + "/moves").bearer(ADMIN)
			.json("{\"region\":\"" + OTHER_STREET + "/x1\",\"parentId\":\"" + tree.district() + "\"}")
			.send();
		assertThat(strands.status()).isEqualTo(409);
		assertThat((String) strands.json("$.code")).isEqualTo("organization-move-strands-children");

		Response stale = http.post("/api/v1/party-organizations/" + tree.branch() + "/moves").bearer(ADMIN)
			.header("If-Match", "\"1\"")
			.json("{\"parentId\":\"" + tree.community() + "\",\"region\":\"" + COMMUNITY + "\"}")
			.send();
		assertThat(stale.status()).isEqualTo(412);

		Response nothing = http.post("/api/v1/party-organizations/" + tree.branch() + "/moves").bearer(ADMIN)
			.json("{}")
			.send();
		assertThat(nothing.status()).isEqualTo(400);
		assertThat((String) nothing.json("$.code")).isEqualTo("move-changes-nothing");
	}

	@Test
	void changesNeedTheVersionAndDissolvingNeedsAnEmptyOrganization() {
		Tree tree = tree();
		Response noVersion = http.patch("/api/v1/party-organizations/" + tree.branch()).bearer(ADMIN)
			.json("{\"name\":\"第一支部\"}").send();
		assertThat(noVersion.status()).isEqualTo(428);
		Response renamed = http.patch("/api/v1/party-organizations/" + tree.branch()).bearer(COMMUNITY_STAFF)
			.header("If-Match", "\"1\"").json("{\"name\":\"第一支部\"}").send();
		assertThat(renamed.status()).isEqualTo(200);
		assertThat((String) renamed.json("$.name")).isEqualTo("第一支部");

		member(tree.branch(), "周建国");
		Response dissolve = http.patch("/api/v1/party-organizations/" + tree.branch()).bearer(ADMIN)
			.header("If-Match", renamed.header("ETag")).json("{\"status\":\"DISSOLVED\"}").send();
		assertThat(dissolve.status()).isEqualTo(409);
		assertThat((String) dissolve.json("$.code")).isEqualTo("organization-has-members");
		Response dissolveParent = http.patch("/api/v1/party-organizations/" + tree.community()).bearer(ADMIN)
			.header("If-Match", "\"1\"").json("{\"status\":\"DISSOLVED\"}").send();
		assertThat((String) dissolveParent.json("$.code")).isEqualTo("organization-has-children");
	}

	@Test
	void anotherDistrictSeesNothing() {
		Tree tree = tree();
		assertThat(http.get("/api/v1/party-organizations/" + tree.community()).bearer(ADMIN_B).send().status())
			.isEqualTo(404);
		List<String> listed = http.get("/api/v1/party-organizations?limit=100").bearer(ADMIN_B).send().json("$.items[*].id");
		assertThat(listed).doesNotContain(tree.community(), tree.district());
		Response foreignParent = http.post("/api/v1/party-organizations").bearer(ADMIN_B)
			.json("{\"name\":\"支部\",\"level\":\"BRANCH\",\"parentId\":\"" + tree.community() + "\",\"region\":\"" + B + "\"}")
			.send();
		assertThat(foreignParent.status()).isEqualTo(404);
		Response foreignRegion = http.post("/api/v1/party-organizations").bearer(ADMIN_B)
			.json("{\"name\":\"支部\",\"level\":\"BRANCH\",\"region\":\"" + A + "\"}")
			.send();
		assertThat(foreignRegion.status()).isEqualTo(400);
		assertThat(http.get("/api/v1/party-organizations/" + UUID.randomUUID()).bearer(ADMIN).send().status())
			.isEqualTo(404);
	}
}
