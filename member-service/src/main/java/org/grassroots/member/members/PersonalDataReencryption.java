package org.grassroots.member.members;

import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.privacy.PersonalDataCipher;
import org.grassroots.defaults.privacy.PersonalDataProperties;
import org.grassroots.defaults.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a key rotation, rewrites members' ID numbers and phones that are still encrypted with an older key, in
 * small batches across all districts (the only cross-tenant reader of {@code party_member}, named
 * {@code personal-data-reencryption} in its policy). Rows are locked with SKIP LOCKED, so replicas share the work
 * and a user's concurrent change simply waits for the batch. Nothing is disclosed: plaintext exists only in memory
 * between decrypting and encrypting, so this is no audited read. A row that cannot be decrypted (its key id was
 * removed too early) is skipped and counted, never lost.
 */
@Component
public class PersonalDataReencryption {

	static final String PURPOSE = "personal-data-reencryption";

	private static final Logger log = LoggerFactory.getLogger(PersonalDataReencryption.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final PersonalDataCipher cipher;

	private final String activePrefix;

	private final boolean enabled;

	@Autowired
	PersonalDataReencryption(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<PersonalDataCipher> cipher,
			PersonalDataProperties properties,
			@Value("${grassroots.member.reencryption.enabled:true}") boolean enabled) {
		this(jdbc, tx, cipher.getObject(), properties.activeKey(), enabled);
	}

	/** For a job run with other keys than the application's (tests, a one-off rotation tool). */
	public PersonalDataReencryption(JdbcClient jdbc, TransactionTemplate tx, PersonalDataCipher cipher,
			String activeKey, boolean enabled) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.cipher = cipher;
		this.activePrefix = "v1:" + activeKey + ":";
		this.enabled = enabled;
	}

	/** What one run did. */
	public record Result(int reencrypted, int failed) {
	}

	private record Row(UUID id, String idNumber, String phone) {
	}

	@Scheduled(fixedDelayString = "${grassroots.member.reencryption.interval:PT10M}",
			initialDelayString = "${grassroots.member.reencryption.initial-delay:PT1M}")
	void scheduled() {
		if (!enabled) {
			return;
		}
		try {
			Result result = run();
			if (result.reencrypted() > 0 || result.failed() > 0) {
				log.info("Re-encrypted personal data of {} members with the active key; {} could not be decrypted",
						result.reencrypted(), result.failed());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Personal-data re-encryption paused: {}", ex.getMessage());
		}
	}

	/** One pass over every row not yet under the active key. */
	public Result run() {
		int done = 0;
		int failed = 0;
		UUID after = null;
		while (true) {
			UUID from = after;
			int[] counts = new int[2];
			UUID last = TenantContext.callCrossTenant(PURPOSE, () -> tx.execute(status -> {
				List<Row> rows = jdbc.sql("""
						select id, id_number_enc, phone_enc from party_member
						where (cast(:after as uuid) is null or id > :after)
						  and (left(id_number_enc, :n) <> :prefix or (phone_enc is not null and left(phone_enc, :n) <> :prefix))
						order by id limit :limit for update skip locked
						""").param("after", from).param("n", activePrefix.length()).param("prefix", activePrefix)
					.param("limit", BATCH)
					.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
					.list();
				for (Row row : rows) {
					try {
						String id = reencrypt(row.idNumber(), MemberPersonalData.context(row.id(), PersonalField.ID_NUMBER));
						String phone = reencrypt(row.phone(), MemberPersonalData.context(row.id(), PersonalField.PHONE));
						jdbc.sql("update party_member set id_number_enc = :id, phone_enc = :phone where id = :row")
							.param("id", id).param("phone", phone).param("row", row.id())
							.update();
						counts[0]++;
					}
					catch (IllegalStateException ex) {
						counts[1]++;
						log.error("Member {}: personal data not decryptable with the configured keys ({})", row.id(),
								ex.getMessage());
					}
				}
				return rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
			}));
			done += counts[0];
			failed += counts[1];
			if (last == null) {
				return new Result(done, failed);
			}
			after = last;
		}
	}

	private String reencrypt(String stored, String context) {
		if (stored == null || !cipher.needsReencryption(stored)) {
			return stored;
		}
		return cipher.encrypt(cipher.decrypt(stored, context), context);
	}
}
