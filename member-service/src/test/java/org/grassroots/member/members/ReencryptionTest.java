package org.grassroots.member.members;

import java.util.Base64;
import java.util.Map;

import org.grassroots.defaults.privacy.PersonalDataCipher;
import org.grassroots.defaults.privacy.PersonalDataProperties;
import org.grassroots.member.MemberServiceTestBase;
import org.grassroots.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** After a key rotation the job rewrites old ciphertexts under the new key; what they say does not change. */
class ReencryptionTest extends MemberServiceTestBase {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void rotatesEveryMemberToTheActiveKeyAndBack() {
		Tree tree = tree();
		String idNumber = idNumber();
		String id = registerMember(ADMIN, tree.branch(), "秦轮换", idNumber, "13212345678", "REGULAR", null).json("$.id");
		String newKey = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
		PersonalDataCipher rotated = new PersonalDataCipher(new PersonalDataProperties(
				Map.of("test-1", TestInfrastructure.PRIVACY_KEY, "test-2", newKey), "test-2",
				TestInfrastructure.BLIND_INDEX_KEY));
		PersonalDataReencryption.Result forward = new PersonalDataReencryption(jdbc, tx, rotated, "test-2", true).run();
		assertThat(forward.reencrypted()).isPositive();
		assertThat(forward.failed()).isZero();
		assertThat(count(A, "select count(*) from party_member where id_number_enc not like 'v1:test-2:%'")).isZero();
		Map<String, Object> row = query(A, "select id_number_enc, phone_enc from party_member where id = ?::uuid", id).get(0);
		assertThat(rotated.decrypt((String) row.get("id_number_enc"), "party_member:" + id + ":id_number"))
			.isEqualTo(idNumber);
		assertThat(rotated.decrypt((String) row.get("phone_enc"), "party_member:" + id + ":phone")).isEqualTo("13212345678");

		// the running application does not know test-2: the row is skipped and counted, never damaged
		PersonalDataCipher appKeysOnly = new PersonalDataCipher(new PersonalDataProperties(
				Map.of("test-1", TestInfrastructure.PRIVACY_KEY), "test-1", TestInfrastructure.BLIND_INDEX_KEY));
		PersonalDataReencryption.Result unreadable = new PersonalDataReencryption(jdbc, tx, appKeysOnly, "test-1", true)
			.run();
		assertThat(unreadable.reencrypted()).isZero();
		assertThat(unreadable.failed()).isPositive();

		PersonalDataCipher back = new PersonalDataCipher(new PersonalDataProperties(
				Map.of("test-1", TestInfrastructure.PRIVACY_KEY, "test-2", newKey), "test-1",
				TestInfrastructure.BLIND_INDEX_KEY));
		assertThat(new PersonalDataReencryption(jdbc, tx, back, "test-1", true).run().failed()).isZero();
		assertThat(count(A, "select count(*) from party_member where id_number_enc not like 'v1:test-1:%' "
				+ "or phone_enc not like 'v1:test-1:%'")).isZero();
		assertThat((String) http.get("/api/v1/party-members/" + id + "?reveal=idNumber&purpose=核对").bearer(ADMIN).send()
			.json("$.idNumber")).isEqualTo(idNumber);
		// the blind index did not change: lookups still work
		assertThat(http.post("/api/v1/party-members/lookup").bearer(ADMIN).json("{\"idNumber\":\"" + idNumber + "\"}")
			.send().status()).isEqualTo(200);
	}
}
