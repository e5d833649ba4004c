package org.grassroots.center.upgrades;

import java.time.YearMonth;
import java.util.List;

import org.grassroots.center.CenterServiceTestBase;
import org.grassroots.center.Fixtures;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Upgrade tasks in three batches, monthly sign-off (never ahead, never twice), candidate sites, progress per street. */
class UpgradeTaskApiTest extends CenterServiceTestBase {

	static final String T = "441723";

	static final String ADMIN_T = person(T, "admin-t", T, "TENANT_ADMIN");

	static final String STREET_05 = person(T, "street-05", T + "/05", "STREET_STAFF");

	static final String STREET_06 = person(T, "street-06", T + "/06", "STREET_STAFF");

	@Test
	void monthlySignOffCandidateSitesAndProgressPerStreet() {
		YearMonth now = YearMonth.now(Fixtures.SHANGHAI);
		String center = Fixtures.createCenter(http, ADMIN_T, "COMMUNITY", "提升社区中心", T + "/05/002", 21.9, 112.0,
				Fixtures.OFFICE, null);
		String task = "{\"batch\":\"UPGRADE\",\"title\":\"提升社区中心功能\",\"region\":\"" + T + "/05/002\",\"centerId\":\""
				+ center + "\",\"year\":" + now.getYear() + ",\"milestones\":[{\"month\":\"" + now.minusMonths(1)
				+ "\",\"goal\":\"完成设计\"},{\"month\":\"" + now + "\",\"goal\":\"完成施工\"},{\"month\":\""
				+ now.plusMonths(1) + "\",\"goal\":\"验收挂牌\"}]}";
		assertThat(http.post("/api/v1/upgrade-tasks").bearer(STREET_05).json(task).send().status()).isEqualTo(403);
		Response created = http.post("/api/v1/upgrade-tasks").bearer(ADMIN_T).json(task).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat((String) created.json("$.street")).isEqualTo(T + "/05");
		assertThat((List<Boolean>) created.json("$.milestones[*].overdue")).containsExactly(true, false, false);
		String id = created.json("$.id");
		String base = "/api/v1/upgrade-tasks/" + id;

		Response signed = http.post(base + "/milestones/" + now.minusMonths(1) + "/sign-off").bearer(STREET_05)
			.json("{\"note\":\"设计图已审\"}").send();
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		assertThat((String) signed.json("$.milestones[0].signedOffBy")).isEqualTo("street-05");
		Response twice = http.post(base + "/milestones/" + now.minusMonths(1) + "/sign-off").bearer(STREET_05).send();
		assertThat((String) twice.json("$.code")).isEqualTo("milestone-signed-off");
		Response ahead = http.post(base + "/milestones/" + now.plusMonths(1) + "/sign-off").bearer(STREET_05).send();
		assertThat(ahead.status()).isEqualTo(409);
		assertThat((String) ahead.json("$.code")).isEqualTo("milestone-not-due");
		assertThat(http.post(base + "/milestones/" + now + "/sign-off").bearer(STREET_06).send().status())
			.as("another street's task").isEqualTo(404);
		assertThat(http.post(base + "/milestones/2020-13/sign-off").bearer(STREET_05).send().status()).isEqualTo(400);
		assertThat(http.post(base + "/milestones/" + now + "/sign-off").bearer(STREET_05).send().status()).isEqualTo(200);

		Response lease = http.post(base + "/candidate-sites").bearer(STREET_05)
			.json("{\"name\":\"临街商铺\",\"address\":\"金山路8号\",\"location\":{\"lat\":21.901,\"lng\":112.001},"
					+ "\"mode\":\"LEASE\",\"leasedAreaM2\":120.5}")
			.send();
		assertThat(lease.status()).as(lease.body()).isEqualTo(201);
		Response noArea = http.post(base + "/candidate-sites").bearer(STREET_05)
			.json("{\"name\":\"x\",\"address\":\"y\",\"location\":{\"lat\":21.9,\"lng\":112.0},\"mode\":\"LEASE\"}").send();
		assertThat(noArea.status()).isEqualTo(400);
		assertThat(http.post(base + "/candidate-sites").bearer(STREET_05)
			.json("{\"name\":\"x\",\"address\":\"y\",\"location\":{\"lat\":21.9,\"lng\":112.0},\"mode\":\"VACATE\","
					+ "\"leasedAreaM2\":10}").send().status()).isEqualTo(400);
		Response vacate = http.post(base + "/candidate-sites").bearer(STREET_05)
			.json("{\"name\":\"闲置用房\",\"address\":\"社区旧址\",\"location\":{\"lat\":21.902,\"lng\":112.002},"
					+ "\"mode\":\"VACATE\"}")
			.send();
		String siteId = vacate.json("$.candidateSites[1].id");
		Response selected = http.post(base + "/candidate-sites/" + siteId + "/decision").bearer(STREET_05)
			.json("{\"status\":\"SELECTED\"}").send();
		assertThat((String) selected.json("$.candidateSites[1].status")).isEqualTo("SELECTED");

		String newBuild = "{\"batch\":\"NEW_BUILD\",\"title\":\"新建小区党群服务站\",\"region\":\"" + T
				+ "/06\",\"year\":" + now.getYear() + ",\"milestones\":[{\"month\":\"" + now.minusMonths(2)
				+ "\",\"goal\":\"选址\"}]}";
		assertThat(http.post("/api/v1/upgrade-tasks").bearer(ADMIN_T).json(newBuild).send().status()).isEqualTo(201);
		assertThat(http.post("/api/v1/upgrade-tasks").bearer(ADMIN_T)
			.json(newBuild.replace("NEW_BUILD", "DEMONSTRATION")).send().status())
			.as("demonstration needs a center").isEqualTo(400);

		Response progress = http.get("/api/v1/upgrade-tasks/progress?year=" + now.getYear()).bearer(ADMIN_T).send();
		assertThat(progress.status()).isEqualTo(200);
		assertThat((List<String>) progress.json("$[*].street")).containsExactly(T + "/05", T + "/06");
		assertThat((Integer) progress.json("$[0].milestones")).isEqualTo(3);
		assertThat((Integer) progress.json("$[0].signedOff")).isEqualTo(2);
		assertThat((Integer) progress.json("$[0].candidateSites")).isEqualTo(2);
		assertThat((Integer) progress.json("$[0].selectedSites")).isEqualTo(1);
		assertThat((Double) progress.json("$[0].leasedAreaM2")).isEqualTo(120.5);
		assertThat((Integer) progress.json("$[0].byBatch.UPGRADE")).isEqualTo(1);
		assertThat((Integer) progress.json("$[1].overdue")).isEqualTo(1);
		assertThat((List<String>) http.get("/api/v1/upgrade-tasks/progress?year=" + now.getYear()).bearer(STREET_06)
			.send().json("$[*].street")).containsExactly(T + "/06");

		Response done = http.post(base + "/milestones/" + now.plusMonths(1) + "/sign-off").bearer(ADMIN_T).send();
		assertThat(done.status()).isEqualTo(409);
		assertThat(http.get(base).bearer(OTHER_ADMIN).send().status()).isEqualTo(404);
	}
}
