package org.grassroots.member.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for party members, their transfers and mobile assignments. Row-level security confines every statement. */
@Repository
class MemberRepository {

	private static final String SELECT = """
			select m.id, m.organization_id, o.name as organization_name, o.region as organization_region, m.name,
			       m.id_number_enc, m.id_number_masked, m.phone_enc, m.phone_masked, m.category, m.status, m.joined_on,
			       m.workplace, m.mobile_branch_id, b.region as branch_region, m.mobile_location, m.account_subject,
			       (select r.community from community_registration r
			        where r.tenant_id = m.tenant_id and r.member_id = m.id and r.status = 'ACTIVE') as registration_community,
			       m.created_at, m.updated_at, m.version
			from party_member m
			join party_organization o on o.tenant_id = m.tenant_id and o.id = m.organization_id
			left join party_organization b on b.tenant_id = m.tenant_id and b.id = m.mobile_branch_id
			""";

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tenant, UUID id, MemberRegistration r, String name, MemberPersonalData.Sealed sealed) {
		jdbc.sql("""
				insert into party_member (id, tenant_id, organization_id, name, id_number_enc, id_number_bidx,
				    id_number_masked, phone_enc, phone_masked, category, joined_on, workplace, account_subject)
				values (:id, :tenant, :org, :name, :idEnc, :idIdx, :idMasked, :phoneEnc, :phoneMasked, :category,
				    :joinedOn, :workplace, :account)
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("org", r.organizationId())
			.param("name", name)
			.param("idEnc", sealed.idNumberCiphertext())
			.param("idIdx", sealed.idNumberIndex())
			.param("idMasked", sealed.idNumberMasked())
			.param("phoneEnc", sealed.phoneCiphertext())
			.param("phoneMasked", sealed.phoneMasked())
			.param("category", r.category().name())
			.param("joinedOn", r.joinedOn())
			.param("workplace", r.workplace())
			.param("account", r.accountSubject())
			.update();
	}

	Optional<MemberRow> find(UUID id) {
		return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(MemberRepository::map).optional();
	}

	Optional<MemberRow> findForUpdate(UUID id) {
		return jdbc.sql(SELECT + " where m.id = :id for update of m").param("id", id).query(MemberRepository::map).optional();
	}

	Optional<MemberRow> findByIndex(String idNumberIndex) {
		return jdbc.sql(SELECT + " where m.id_number_bidx = :idx")
			.param("idx", idNumberIndex)
			.query(MemberRepository::map)
			.optional();
	}

	Optional<MemberRow> findByAccount(String subject) {
		return jdbc.sql(SELECT + " where m.account_subject = :subject")
			.param("subject", subject)
			.query(MemberRepository::map)
			.optional();
	}

	/**
	 * A page of members a staff caller may see: their organization, mobile branch or active community
	 * registration lies in the region subtree (all of the district when {@code prefix} is null).
	 */
	List<MemberRow> page(String prefix, UUID organizationId, UUID mobileBranchId, MemberCategory category,
			MemberStatus status, UUID after, int limitPlusOne) {
		return jdbc.sql(SELECT + """
				where (cast(:prefix as text) is null
				       or o.region = :prefix or o.region like :subtree
				       or b.region = :prefix or b.region like :subtree
				       or exists (select 1 from community_registration r where r.tenant_id = m.tenant_id
				                  and r.member_id = m.id and r.status = 'ACTIVE'
				                  and (r.community = :prefix or r.community like :subtree)))
				  and (cast(:org as uuid) is null or m.organization_id = :org)
				  and (cast(:branch as uuid) is null or m.mobile_branch_id = :branch)
				  and (cast(:category as text) is null or m.category = :category)
				  and (cast(:status as text) is null or m.status = :status)
				  and (cast(:after as uuid) is null or m.id > :after)
				order by m.id limit :limit
				""")
			.param("prefix", prefix)
			.param("subtree", prefix == null ? null : Regions.subtreePattern(prefix))
			.param("org", organizationId)
			.param("branch", mobileBranchId)
			.param("category", category == null ? null : category.name())
			.param("status", status == null ? null : status.name())
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(MemberRepository::map)
			.list();
	}

	int update(UUID id, long expectedVersion, String name, MemberPersonalData.Sealed sealed, MemberCategory category,
			MemberStatus status, LocalDate joinedOn, String workplace, String accountSubject, boolean clearMobile) {
		return jdbc.sql("""
				update party_member set name = :name,
				    id_number_enc = coalesce(:idEnc, id_number_enc), id_number_bidx = coalesce(:idIdx, id_number_bidx),
				    id_number_masked = coalesce(:idMasked, id_number_masked),
				    phone_enc = coalesce(:phoneEnc, phone_enc), phone_masked = coalesce(:phoneMasked, phone_masked),
				    category = :category, status = :status, joined_on = :joinedOn, workplace = :workplace,
				    account_subject = :account,
				    mobile_branch_id = case when :clearMobile then null else mobile_branch_id end,
				    mobile_location = case when :clearMobile then null else mobile_location end,
				    updated_at = now(), version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", expectedVersion)
			.param("name", name)
			.param("idEnc", sealed == null ? null : sealed.idNumberCiphertext())
			.param("idIdx", sealed == null ? null : sealed.idNumberIndex())
			.param("idMasked", sealed == null ? null : sealed.idNumberMasked())
			.param("phoneEnc", sealed == null ? null : sealed.phoneCiphertext())
			.param("phoneMasked", sealed == null ? null : sealed.phoneMasked())
			.param("category", category.name())
			.param("status", status.name())
			.param("joinedOn", joinedOn)
			.param("workplace", workplace)
			.param("account", accountSubject)
			.param("clearMobile", clearMobile)
			.update();
	}

	void moveTo(UUID id, UUID organizationId, MemberStatus status) {
		jdbc.sql("update party_member set organization_id = :org, status = :status, "
				+ "mobile_branch_id = case when :status = 'ACTIVE' then mobile_branch_id end, "
				+ "mobile_location = case when :status = 'ACTIVE' then mobile_location end, "
				+ "updated_at = now(), version = version + 1 where id = :id")
			.param("id", id)
			.param("org", organizationId)
			.param("status", status.name())
			.update();
	}

	void insertTransfer(String tenant, Transfer t) {
		jdbc.sql("""
				insert into party_member_transfer (id, tenant_id, member_id, from_organization_id, to_organization_id,
				    destination, reason, effective_on, transferred_by)
				values (:id, :tenant, :member, :from, :to, :destination, :reason, :effectiveOn, :by)
				""")
			.param("id", t.id())
			.param("tenant", tenant)
			.param("member", t.memberId())
			.param("from", t.fromOrganizationId())
			.param("to", t.toOrganizationId())
			.param("destination", t.destination())
			.param("reason", t.reason())
			.param("effectiveOn", t.effectiveOn())
			.param("by", t.transferredBy())
			.update();
	}

	List<Transfer> transfers(UUID memberId) {
		return jdbc.sql("select id, member_id, from_organization_id, to_organization_id, destination, reason, "
				+ "effective_on, transferred_by, transferred_at from party_member_transfer where member_id = :id "
				+ "order by transferred_at, id")
			.param("id", memberId)
			.query((rs, n) -> new Transfer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
					rs.getObject(7, LocalDate.class), rs.getString(8), rs.getObject(9, OffsetDateTime.class)))
			.list();
	}

	/** Ends the current mobile assignment, if any, and clears it on the member. */
	void releaseMobile(UUID memberId, String by) {
		jdbc.sql("update mobile_assignment set released_at = now(), released_by = :by "
				+ "where member_id = :id and released_at is null")
			.param("id", memberId)
			.param("by", by)
			.update();
		jdbc.sql("update party_member set mobile_branch_id = null, mobile_location = null, updated_at = now(), "
				+ "version = version + 1 where id = :id and mobile_branch_id is not null")
			.param("id", memberId)
			.update();
	}

	void assignMobile(String tenant, UUID assignmentId, UUID memberId, UUID branchId, String location, String by) {
		jdbc.sql("insert into mobile_assignment (id, tenant_id, member_id, branch_id, location, assigned_by) "
				+ "values (:id, :tenant, :member, :branch, :location, :by)")
			.param("id", assignmentId)
			.param("tenant", tenant)
			.param("member", memberId)
			.param("branch", branchId)
			.param("location", location)
			.param("by", by)
			.update();
		jdbc.sql("update party_member set mobile_branch_id = :branch, mobile_location = :location, updated_at = now(), "
				+ "version = version + 1 where id = :id")
			.param("id", memberId)
			.param("branch", branchId)
			.param("location", location)
			.update();
	}

	List<MobileAssignment> mobileAssignments(UUID memberId) {
		return jdbc.sql("select id, member_id, branch_id, location, assigned_by, assigned_at, released_by, released_at "
				+ "from mobile_assignment where member_id = :id order by assigned_at, id")
			.param("id", memberId)
			.query((rs, n) -> new MobileAssignment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
					rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
			.list();
	}

	boolean isActiveCentralHousehold(UUID memberId) {
		return jdbc.sql("select exists (select 1 from central_household where member_id = :id and status = 'ACTIVE')")
			.param("id", memberId)
			.query(Boolean.class)
			.single();
	}

	void endRegistration(UUID memberId, String by) {
		jdbc.sql("update community_registration set status = 'ENDED', ended_at = now(), ended_by = :by, "
				+ "version = version + 1 where member_id = :id and status = 'ACTIVE'")
			.param("id", memberId)
			.param("by", by)
			.update();
	}

	List<MemberRow> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where m.id = any(cast(:ids as uuid[]))")
			.param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
			.query(MemberRepository::map)
			.list();
	}

	static MemberRow map(ResultSet rs, int row) throws SQLException {
		return new MemberRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("organization_name"), rs.getString("organization_region"), rs.getString("name"),
				rs.getString("id_number_enc"), rs.getString("id_number_masked"), rs.getString("phone_enc"),
				rs.getString("phone_masked"), MemberCategory.valueOf(rs.getString("category")),
				MemberStatus.valueOf(rs.getString("status")), rs.getObject("joined_on", LocalDate.class),
				rs.getString("workplace"), rs.getObject("mobile_branch_id", UUID.class), rs.getString("branch_region"),
				rs.getString("mobile_location"), rs.getString("account_subject"), rs.getString("registration_community"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}
}
