package org.grassroots.grid.households;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for households and residents. Only ciphertext, blind indexes and masked forms reach the database. */
@Repository
class HouseholdRepository {

	private static final String HOUSEHOLD = "id, code, grid_id, building_id, compound_id, region, address_masked, "
			+ "care_tags, status, created_at, updated_at, version";

	private static final String RESIDENT = "id, household_id, name, relation, gender, birth_date, id_number_masked, "
			+ "phone_masked, care_tags, status, created_at, updated_at, version";

	private final JdbcClient jdbc;

	HouseholdRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- households ---------------------------------------------------------------------------------------

	/** A household row to write. */
	record HouseholdRow(UUID id, String code, UUID gridId, UUID buildingId, UUID compoundId, String region,
			PersonalData.Sealed address, List<CareTag> careTags, String contentHash) {
	}

	Household insert(String tenant, HouseholdRow row) {
		return jdbc.sql("insert into household (id, tenant_id, code, grid_id, building_id, compound_id, region, "
				+ "address_cipher, address_masked, care_tags, content_hash) values (:id, :tenant, :code, :grid, "
				+ ":building, :compound, :region, :cipher, :masked, :tags, :hash) returning " + HOUSEHOLD)
			.param("id", row.id())
			.param("tenant", tenant)
			.param("code", row.code())
			.param("grid", row.gridId())
			.param("building", row.buildingId())
			.param("compound", row.compoundId())
			.param("region", row.region())
			.param("cipher", row.address().cipher())
			.param("masked", row.address().masked())
			.param("tags", tags(row.careTags()))
			.param("hash", row.contentHash())
			.query(HouseholdRepository::household)
			.single();
	}

	/** @param address new sealed address, or null to keep it */
	Optional<Household> update(UUID id, Long version, HouseholdRow row, boolean reactivate) {
		return jdbc.sql("update household set grid_id = :grid, building_id = :building, compound_id = :compound, "
				+ "region = :region, address_cipher = coalesce(:cipher, address_cipher), "
				+ "address_masked = coalesce(:masked, address_masked), care_tags = :tags, content_hash = :hash, "
				+ "status = case when :reactivate then 'ACTIVE' else status end, updated_at = now(), "
				+ "version = version + 1 where id = :id and (cast(:version as bigint) is null or version = :version) "
				+ "returning " + HOUSEHOLD)
			.param("id", id)
			.param("version", version)
			.param("grid", row.gridId())
			.param("building", row.buildingId())
			.param("compound", row.compoundId())
			.param("region", row.region())
			.param("cipher", row.address() == null ? null : row.address().cipher())
			.param("masked", row.address() == null ? null : row.address().masked())
			.param("tags", tags(row.careTags()))
			.param("hash", row.contentHash())
			.param("reactivate", reactivate)
			.query(HouseholdRepository::household)
			.optional();
	}

	Optional<Household> find(UUID id) {
		return jdbc.sql("select " + HOUSEHOLD + " from household where id = :id")
			.param("id", id)
			.query(HouseholdRepository::household)
			.optional();
	}

	/** A household's stored content digest and address ciphertext (for imports and audited reads). */
	record Secrets(UUID id, String addressCipher, String contentHash) {
	}

	Optional<Secrets> secrets(UUID id) {
		return jdbc.sql("select id, address_cipher, content_hash from household where id = :id")
			.param("id", id)
			.query((rs, n) -> new Secrets(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.optional();
	}

	Map<String, Household> byCodes(Collection<String> codes) {
		Map<String, Household> out = new java.util.HashMap<>();
		if (codes.isEmpty()) {
			return out;
		}
		jdbc.sql("select " + HOUSEHOLD + " from household where code in (:codes)")
			.param("codes", codes)
			.query(HouseholdRepository::household)
			.list()
			.forEach(h -> out.put(h.code(), h));
		return out;
	}

	Map<String, String> hashesByCode(Collection<String> codes) {
		Map<String, String> out = new java.util.HashMap<>();
		if (codes.isEmpty()) {
			return out;
		}
		jdbc.sql("select code, content_hash from household where code in (:codes)")
			.param("codes", codes)
			.query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
			.list();
		return out;
	}

	List<HouseholdRef> refs(Collection<UUID> ids) {
		return jdbc.sql("select id, grid_id, region, compound_id, building_id from household where id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new HouseholdRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
			.list();
	}

	List<Household> page(String regionPrefix, UUID gridId, UUID buildingId, CareTag careTag, UUID after,
			int limitPlusOne) {
		return jdbc.sql("select " + HOUSEHOLD + " from household where (region = :prefix or region like :subtree) "
				+ "and status = 'ACTIVE' and (cast(:grid as uuid) is null or grid_id = :grid) "
				+ "and (cast(:building as uuid) is null or building_id = :building) "
				+ "and (cast(:tag as text) is null or care_tags @> array[cast(:tag as text)]) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.param("grid", gridId)
			.param("building", buildingId)
			.param("tag", careTag == null ? null : careTag.name())
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(HouseholdRepository::household)
			.list();
	}

	// ---- residents ----------------------------------------------------------------------------------------

	/** A resident row to write. */
	record ResidentRow(UUID id, UUID householdId, String name, Relation relation, String gender, LocalDate birthDate,
			PersonalData.Sealed idNumber, PersonalData.Sealed phone, List<CareTag> careTags) {
	}

	Resident insertResident(String tenant, ResidentRow row) {
		return jdbc.sql("insert into resident (id, tenant_id, household_id, name, relation, gender, birth_date, "
				+ "id_number_cipher, id_number_blind, id_number_masked, phone_cipher, phone_blind, phone_masked, "
				+ "care_tags) values (:id, :tenant, :household, :name, :relation, :gender, :birth, :idCipher, "
				+ ":idBlind, :idMasked, :phoneCipher, :phoneBlind, :phoneMasked, :tags) returning " + RESIDENT)
			.param("id", row.id())
			.param("tenant", tenant)
			.param("household", row.householdId())
			.param("name", row.name())
			.param("relation", row.relation().name())
			.param("gender", row.gender())
			.param("birth", row.birthDate())
			.param("idCipher", row.idNumber() == null ? null : row.idNumber().cipher())
			.param("idBlind", row.idNumber() == null ? null : row.idNumber().blind())
			.param("idMasked", row.idNumber() == null ? null : row.idNumber().masked())
			.param("phoneCipher", row.phone() == null ? null : row.phone().cipher())
			.param("phoneBlind", row.phone() == null ? null : row.phone().blind())
			.param("phoneMasked", row.phone() == null ? null : row.phone().masked())
			.param("tags", tags(row.careTags()))
			.query(HouseholdRepository::resident)
			.single();
	}

	/**
	 * Rewrites a resident. {@code idNumber}/{@code phone} null keep the stored value unless {@code clearPhone}.
	 */
	Optional<Resident> updateResident(UUID id, Long version, ResidentRow row, String status) {
		return jdbc.sql("update resident set household_id = :household, name = :name, relation = :relation, "
				+ "gender = coalesce(:gender, gender), birth_date = coalesce(:birth, birth_date), "
				+ "id_number_cipher = coalesce(:idCipher, id_number_cipher), "
				+ "id_number_blind = coalesce(:idBlind, id_number_blind), "
				+ "id_number_masked = coalesce(:idMasked, id_number_masked), "
				+ "phone_cipher = coalesce(:phoneCipher, phone_cipher), phone_blind = coalesce(:phoneBlind, phone_blind), "
				+ "phone_masked = coalesce(:phoneMasked, phone_masked), care_tags = :tags, status = :status, "
				+ "updated_at = now(), version = version + 1 "
				+ "where id = :id and (cast(:version as bigint) is null or version = :version) returning " + RESIDENT)
			.param("id", id)
			.param("version", version)
			.param("household", row.householdId())
			.param("name", row.name())
			.param("relation", row.relation().name())
			.param("gender", row.gender())
			.param("birth", row.birthDate())
			.param("idCipher", row.idNumber() == null ? null : row.idNumber().cipher())
			.param("idBlind", row.idNumber() == null ? null : row.idNumber().blind())
			.param("idMasked", row.idNumber() == null ? null : row.idNumber().masked())
			.param("phoneCipher", row.phone() == null ? null : row.phone().cipher())
			.param("phoneBlind", row.phone() == null ? null : row.phone().blind())
			.param("phoneMasked", row.phone() == null ? null : row.phone().masked())
			.param("tags", tags(row.careTags()))
			.param("status", status)
			.query(HouseholdRepository::resident)
			.optional();
	}

	Optional<Resident> findResident(UUID id) {
		return jdbc.sql("select " + RESIDENT + " from resident where id = :id")
			.param("id", id)
			.query(HouseholdRepository::resident)
			.optional();
	}

	List<Resident> residentsOf(UUID householdId) {
		return jdbc.sql("select " + RESIDENT + " from resident where household_id = :household "
				+ "order by status, case relation when 'HEAD' then 0 else 1 end, created_at, id")
			.param("household", householdId)
			.query(HouseholdRepository::resident)
			.list();
	}

	/** The stored blind indexes of a household's residents: to match imported rows. */
	record ResidentKeys(UUID id, UUID householdId, String name, Relation relation, String idBlind, String phoneBlind,
			List<CareTag> careTags, String status) {
	}

	List<ResidentKeys> residentKeys(Collection<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id, household_id, name, relation, id_number_blind, phone_blind, care_tags, status "
				+ "from resident where household_id in (:ids)")
			.param("ids", householdIds)
			.query((rs, n) -> new ResidentKeys(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), Relation.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
					careTags(rs.getArray(7)), rs.getString(8)))
			.list();
	}

	/** Active residents by ID-number blind index, with their household code. */
	Map<String, String> householdCodesByIdBlind(Collection<String> blinds) {
		Map<String, String> out = new java.util.HashMap<>();
		if (blinds.isEmpty()) {
			return out;
		}
		jdbc.sql("select r.id_number_blind, h.code from resident r join household h on h.id = r.household_id "
				+ "where r.status = 'ACTIVE' and r.id_number_blind in (:blinds)")
			.param("blinds", blinds)
			.query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
			.list();
		return out;
	}

	/** Ciphertexts of one resident, for the audited read. */
	record ResidentSecrets(String idCipher, String phoneCipher) {
	}

	Optional<ResidentSecrets> residentSecrets(UUID id) {
		return jdbc.sql("select id_number_cipher, phone_cipher from resident where id = :id")
			.param("id", id)
			.query((rs, n) -> new ResidentSecrets(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/** Residents found by exact blind index, with their household's region. */
	record Match(Resident resident, String region) {
	}

	List<Match> searchResidents(String idBlind, String phoneBlind) {
		return jdbc.sql("select r.id, r.household_id, r.name, r.relation, r.gender, r.birth_date, r.id_number_masked, "
				+ "r.phone_masked, r.care_tags, r.status, r.created_at, r.updated_at, r.version, h.region "
				+ "from resident r join household h on h.id = r.household_id "
				+ "where (cast(:id as text) is null or r.id_number_blind = :id) "
				+ "and (cast(:phone as text) is null or r.phone_blind = :phone) order by r.status, r.id limit 50")
			.param("id", idBlind)
			.param("phone", phoneBlind)
			.query((rs, n) -> new Match(resident(rs, n), rs.getString("region")))
			.list();
	}

	// ---- mapping ------------------------------------------------------------------------------------------

	static String[] tags(List<CareTag> tags) {
		return tags == null ? new String[0]
				: tags.stream().distinct().sorted().map(CareTag::name).toArray(String[]::new);
	}

	static List<CareTag> careTags(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<CareTag> out = new ArrayList<>();
		for (String tag : (String[]) array.getArray()) {
			out.add(CareTag.valueOf(tag));
		}
		return out;
	}

	private static Household household(ResultSet rs, int row) throws SQLException {
		return new Household(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("grid_id", UUID.class),
				rs.getObject("building_id", UUID.class), rs.getObject("compound_id", UUID.class), rs.getString("region"),
				rs.getString("address_masked"), careTags(rs.getArray("care_tags")), rs.getString("status"), null,
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}

	private static Resident resident(ResultSet rs, int row) throws SQLException {
		LocalDate birth = rs.getObject("birth_date", LocalDate.class);
		return new Resident(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("name"), Relation.valueOf(rs.getString("relation")), rs.getString("gender"),
				birth == null ? null : birth.getYear(), rs.getString("id_number_masked"), rs.getString("phone_masked"),
				careTags(rs.getArray("care_tags")), rs.getString("status"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}
}
