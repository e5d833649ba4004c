package org.grassroots.grid.households;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.grid.Fixtures;
import org.grassroots.grid.GridServiceTestBase;
import org.grassroots.grid.IdNumbers;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households and residents: protected personal data (ciphertext at rest, masked output, audited plaintext reads),
 * the provider endpoints for member-service and center-service, and all-or-nothing idempotent imports.
 */
class HouseholdApiTest extends GridServiceTestBase {

	static final String TENANT = "441703";

	private Response createHousehold(Fixtures.Area area, String code, String idNumber, String phone) {
		return http.post("/api/v1/households")
			.bearer(area.admin())
			.json("{\"code\":\"" + code + "\",\"gridId\":\"" + area.grid1Id() + "\",\"address\":\"阳江市江城区南恩路12号3栋2单元301\","
					+ "\"careTags\":[\"ELDERLY_ALONE\",\"LOW_INCOME\"],\"residents\":[{\"name\":\"陈阿婆\",\"relation\":\"HEAD\","
					+ "\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone + "\",\"careTags\":[\"ELDERLY_ALONE\"]}]}")
			.send();
	}

	@Test
	void personalDataIsEncryptedMaskedAndEveryPlaintextReadAudited() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String idNumber = IdNumbers.random("19400312");
		String phone = IdNumbers.phone();
		Response created = createHousehold(area, Fixtures.code("H"), idNumber, phone);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String householdId = created.json("$.id");
		String residentId = created.json("$.residents[0].id");
		assertThat((String) created.json("$.address")).isEqualTo("阳江市江城区****");
		assertThat((String) created.json("$.residents[0].idNumber")).isEqualTo(idNumber.substring(0, 4) + "**********"
				+ idNumber.substring(14));
		assertThat((String) created.json("$.residents[0].phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat((Integer) created.json("$.residents[0].birthYear")).isEqualTo(1940);
		assertThat(created.body()).doesNotContain(idNumber).doesNotContain(phone).doesNotContain("301");

		// at rest: no plaintext anywhere in the rows
		List<List<Object>> rows = sql(TENANT, "select r::text from resident r where id = cast(? as uuid)", residentId);
		assertThat((String) rows.get(0).get(0)).doesNotContain(idNumber).doesNotContain(phone).contains("v1:test-1:");
		assertThat((String) sql(TENANT, "select h::text from household h where id = cast(? as uuid)", householdId).get(0)
			.get(0)).doesNotContain("南恩路12号");

		String worker = area.communityStaff("worker-9", "GRID_WORKER");
		Response noPurpose = http.get("/api/v1/residents/" + residentId + "/personal-data").bearer(worker).send();
		assertThat(noPurpose.status()).isEqualTo(400);
		Response revealed = http.get("/api/v1/residents/" + residentId + "/personal-data?fields=phone&purpose=上门走访")
			.bearer(worker)
			.send();
		assertThat(revealed.status()).isEqualTo(200);
		assertThat((String) revealed.json("$.phone")).isEqualTo(phone);
		assertThat(revealed.body()).doesNotContain(idNumber);
		Response address = http.get("/api/v1/households/" + householdId + "/address?purpose=送餐").bearer(worker).send();
		assertThat((String) address.json("$.address")).isEqualTo("阳江市江城区南恩路12号3栋2单元301");

		String auditor = TestTokens.person(TENANT, "auditor-1", TENANT, "AUDITOR");
		Response log = http.get("/api/v1/residents/personal-data-access?resourceId=" + residentId).bearer(auditor).send();
		assertThat((List<String>) log.json("$.items[*].field")).containsExactly("phone");
		assertThat((List<String>) log.json("$.items[*].accessor")).containsExactly("worker-9");
		assertThat((List<String>) log.json("$.items[*].purpose")).containsExactly("上门走访");
		assertThat(http.get("/api/v1/residents/" + residentId + "/personal-data?purpose=x").bearer(auditor).send()
			.status()).as("auditors read the log, not the data").isEqualTo(403);
		assertThat(http.get("/api/v1/residents/personal-data-access").bearer(worker).send().status()).isEqualTo(403);

		Response found = http.post("/api/v1/residents/search").bearer(worker).json("{\"idNumber\":\"" + idNumber + "\"}")
			.send();
		assertThat((List<String>) found.json("$[*].id")).containsExactly(residentId);
		Response badId = http.post("/api/v1/residents/search").bearer(worker)
			.json("{\"idNumber\":\"" + idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1") + "\"}")
			.send();
		assertThat(badId.status()).isEqualTo(400);

		Response again = createHousehold(area, Fixtures.code("H"), idNumber, phone);
		assertThat(again.status()).as("one person, one household").isEqualTo(409);
	}

	@Test
	void providerEndpointsForMemberServiceAndCenterService() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String householdId = createHousehold(area, Fixtures.code("H"), IdNumbers.random("19800101"), IdNumbers.phone())
			.json("$.id");
		String member = TestTokens.person(TENANT, "pm-1", area.community(), "PARTY_MEMBER");
		Response ref = http.get("/api/v1/households/" + householdId).bearer(member).send();
		assertThat(ref.status()).isEqualTo(200);
		assertThat(ref.body()).isEqualTo("{\"id\":\"" + householdId + "\",\"gridId\":\"" + area.grid1Id()
				+ "\",\"region\":\"" + area.grid1() + "\",\"compoundId\":null,\"buildingId\":null}");

		String foreignHousehold = createHousehold(Fixtures.create(http, "441799"), Fixtures.code("H"),
				IdNumbers.random("19800101"), IdNumbers.phone()).json("$.id");
		String unknown = java.util.UUID.randomUUID().toString();
		Response lookup = http.post("/api/v1/households/lookup").bearer(member)
			.json("{\"ids\":[\"" + householdId + "\",\"" + foreignHousehold + "\",\"" + unknown + "\"]}")
			.send();
		assertThat(lookup.status()).isEqualTo(200);
		assertThat((List<String>) lookup.json("$.found[*].id")).containsExactly(householdId);
		assertThat((List<String>) lookup.json("$.found[*].region")).containsExactly(area.grid1());
		assertThat((List<String>) lookup.json("$.missing")).containsExactly(foreignHousehold, unknown);
		assertThat(http.get("/api/v1/households/" + foreignHousehold).bearer(member).send().status()).isEqualTo(404);
		StringBuilder tooMany = new StringBuilder("{\"ids\":[");
		for (int i = 0; i < 1001; i++) {
			tooMany.append(i == 0 ? "" : ",").append('"').append(java.util.UUID.randomUUID()).append('"');
		}
		assertThat(http.post("/api/v1/households/lookup").bearer(member).json(tooMany + "]}").send().status())
			.isEqualTo(400);

		String compound = http.post("/api/v1/compounds").bearer(area.admin())
			.json("{\"code\":\"" + Fixtures.code("X") + "\",\"name\":\"滨江花园\",\"region\":\"" + area.community()
					+ "\",\"location\":{\"lat\":" + area.inGrid1()[0] + ",\"lng\":" + area.inGrid1()[1]
					+ "},\"population\":3200}")
			.send()
			.json("$.id");
		Response compounds = http.get("/api/v1/compounds?region=" + area.community() + "&limit=10")
			.bearer(TestTokens.person(TENANT, "center-admin", TENANT, "TENANT_ADMIN"))
			.send();
		assertThat(compounds.status()).isEqualTo(200);
		assertThat((List<String>) compounds.json("$.items[*].id")).containsExactly(compound);
		assertThat(compounds.body()).contains("\"population\":3200").contains("\"location\":{\"lat\":");
		assertThat((java.util.Map<String, Object>) compounds.json("$.items[0]")).containsOnlyKeys("id", "name", "region",
				"location", "population");
	}

	@Test
	void csvImportIsIdempotentAndAllOrNothingWithARowReport() {
		Fixtures.Area area = Fixtures.create(http, TENANT);
		String h1 = Fixtures.code("H");
		String h2 = Fixtures.code("H");
		String id1 = IdNumbers.random("19450101");
		String id2 = IdNumbers.random("19750101");
		String csv = "\uFEFFhousehold_code,grid_code,address,household_care_tags,resident_name,relation,id_number,phone,resident_care_tags\r\n"
				+ h1 + "," + area.grid1Code() + ",\"南恩路1号, 101\",ELDERLY_ALONE,李大爷,HEAD," + id1 + "," + IdNumbers.phone() + ",ELDERLY_ALONE\r\n"
				+ h2 + "," + area.grid1Code() + ",南恩路2号,RENTAL;LOW_INCOME,王租户,TENANT," + id2 + ",,\r\n"
				+ h2 + "," + area.grid1Code() + ",南恩路2号,,王小孩,CHILD,,,\r\n";
		Response first = http.post("/api/v1/households/import").bearer(area.admin())
			.body("text/csv", csv.getBytes(StandardCharsets.UTF_8)).send();
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat((Integer) first.json("$.households.created")).isEqualTo(2);
		assertThat((Integer) first.json("$.residents.created")).isEqualTo(3);
		Response again = http.post("/api/v1/households/import").bearer(area.admin())
			.body("text/csv", csv.getBytes(StandardCharsets.UTF_8)).send();
		assertThat((Integer) again.json("$.households.unchanged")).isEqualTo(2);
		assertThat((Integer) again.json("$.residents.unchanged")).isEqualTo(3);
		assertThat((Integer) again.json("$.residents.created")).isEqualTo(0);

		String h3 = Fixtures.code("H");
		String h4 = Fixtures.code("H");
		String bad = csv + h3 + "," + area.grid1Code() + ",南恩路3号,,赵某,HEAD,123456789012345678,,\r\n"
				+ h3 + "," + area.grid1Code() + ",南恩路3号,,钱某,SPOUSE,,12345,PET_OWNER\r\n"
				+ h4 + ",NO-GRID,南恩路4号,,孙某,HEAD,,,\r\n";
		Response rejected = http.post("/api/v1/households/import").bearer(area.admin())
			.body("text/csv", bad.getBytes(StandardCharsets.UTF_8)).send();
		assertThat(rejected.status()).isEqualTo(400);
		assertThat((String) rejected.json("$.code")).isEqualTo("import-rejected");
		assertThat((List<String>) rejected.json("$.errors[*].field")).containsExactly("rows[5].id_number", "rows[6].phone",
				"rows[6].resident_care_tags", "rows[7].grid_code");
		assertThat(sql(TENANT, "select count(*) from household where code = ?", h3).get(0).get(0)).isEqualTo(0L);

		String json = "{\"households\":[{\"code\":\"" + h1 + "\",\"gridCode\":\"" + area.grid1Code() + "\",\"address\":\"南恩路1号, 101\","
				+ "\"careTags\":[\"ELDERLY_ALONE\",\"DISABILITY\"],\"residents\":[{\"name\":\"李大爷\",\"relation\":\"HEAD\","
				+ "\"idNumber\":\"" + id1 + "\"}]}]}";
		Response updated = http.post("/api/v1/households/import").bearer(area.admin()).json(json).send();
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat((Integer) updated.json("$.households.updated")).isEqualTo(1);
		Response badJson = http.post("/api/v1/households/import").bearer(area.admin())
			.json("{\"households\":[{\"code\":\"" + Fixtures.code("H") + "\",\"gridCode\":\"" + area.grid1Code()
					+ "\",\"careTags\":[\"NOPE\"]}]}")
			.send();
		assertThat(badJson.status()).isEqualTo(400);
		assertThat((List<String>) badJson.json("$.errors[*].field")).containsExactly("households[0].address",
				"households[0].careTags");
	}
}
