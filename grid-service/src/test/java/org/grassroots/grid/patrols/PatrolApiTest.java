package org.grassroots.grid.patrols;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A grid worker's patrol: start, track, a finding that becomes a case, end. */
class PatrolApiTest extends GridServiceTestBase {

	static final String TENANT = "441708";

	@Test
	void aPatrolWithTrackAndFindings() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String worker = area.communityStaff("worker-p", "GRID_WORKER");
		Response started = http.post("/api/v1/patrols").bearer(worker).json("{\"gridId\":\"" + area.grid1Id() + "\"}").send();
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String id = started.json("$.id");
		assertThat(http.post("/api/v1/patrols").bearer(worker).json("{\"gridId\":\"" + area.grid1Id() + "\"}").send()
			.status()).as("one active patrol per worker").isEqualTo(409);

		double[] p = area.inGrid1();
		OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC);
		Response points = http.post("/api/v1/patrols/" + id + "/points").bearer(worker)
			.json("{\"points\":[{\"lat\":" + p[0] + ",\"lng\":" + p[1] + ",\"at\":\"" + t + "\"},{\"lat\":" + (p[0] + 0.001)
					+ ",\"lng\":" + p[1] + ",\"at\":\"" + t.plusSeconds(60) + "\"}]}")
			.send();
		assertThat(points.status()).as(points.body()).isEqualTo(200);
		assertThat((Integer) points.json("$.pointCount")).isEqualTo(2);
		assertThat((Double) points.json("$.distanceMeters")).isBetween(100.0, 125.0);
		Response backwards = http.post("/api/v1/patrols/" + id + "/points").bearer(worker)
			.json("{\"points\":[{\"lat\":" + p[0] + ",\"lng\":" + p[1] + ",\"at\":\"" + t + "\"}]}").send();
		assertThat(backwards.status()).isEqualTo(400);

		Response finding = http.post("/api/v1/patrols/" + id + "/findings").bearer(worker)
			.json("{\"category\":\"safety-fire-passage\",\"description\":\"消防通道被电动车堵塞\"}").send();
		assertThat(finding.status()).as(finding.body()).isEqualTo(201);
		assertThat((String) finding.json("$.channel")).isEqualTo("PATROL");
		assertThat((String) finding.json("$.gridId")).isEqualTo(area.grid1Id());
		assertThat((String) finding.json("$.patrolId")).isEqualTo(id);
		assertThat((Double) finding.json("$.location.lat")).isEqualTo(p[0] + 0.001);

		String other = area.communityStaff("worker-q", "GRID_WORKER");
		assertThat(http.post("/api/v1/patrols/" + id + "/end").bearer(other).json("{}").send().status()).isEqualTo(403);
		Response ended = http.post("/api/v1/patrols/" + id + "/end").bearer(worker).json("{\"note\":\"正常\"}").send();
		assertThat(ended.status()).isEqualTo(200);
		assertThat((String) ended.json("$.status")).isEqualTo("ENDED");
		assertThat((String) ended.json("$.track.type")).isEqualTo("LineString");
		assertThat((String) ended.json("$.findings[0].category")).isEqualTo("safety-fire-passage");
		assertThat(http.post("/api/v1/patrols/" + id + "/findings").bearer(worker)
			.json("{\"category\":\"env-garbage\",\"description\":\"x\"}").send().status()).isEqualTo(409);
		Response list = http.get("/api/v1/patrols?mine=true").bearer(worker).send();
		assertThat((java.util.List<String>) list.json("$.items[*].id")).contains(id);
	}
}
