package org.grassroots.member.registrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RegistrationRepository {

	private static final String SELECT = """
			select r.id, r.member_id, m.name as member_name, o.name as organization_name, m.workplace, r.community,
			       r.status, r.note, r.registered_by, r.registered_at, r.ended_at, r.version, m.account_subject,
			       o.region as organization_region,
			       coalesce(s.records, 0) as service_count, coalesce(s.minutes, 0) as service_minutes, s.last_served_on
			from community_registration r
			join party_member m on m.tenant_id = r.tenant_id and m.id = r.member_id
			join party_organization o on o.tenant_id = m.tenant_id and o.id = m.organization_id
			left join lateral (
			    select count(*) as records, sum(minutes) as minutes, max(served_on) as last_served_on
			    from community_service_record x where x.tenant_id = r.tenant_id and x.registration_id = r.id
			) s on true
			""";

	private final JdbcClient jdbc;

	RegistrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A registration row with what authorization needs. */
	record Row(CommunityRegistration registration, String memberAccount, String organizationRegion) {
	}

	void insert(String tenant, UUID id, UUID memberId, String community, String note, String by) {
		jdbc.sql("insert into community_registration (id, tenant_id, member_id, community, note, registered_by) "
				+ "values (:id, :tenant, :member, :community, :note, :by)")
			.param("id", id)
			.param("tenant", tenant)
			.param("member", memberId)
			.param("community", community)
			.param("note", note)
			.param("by", by)
			.update();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(RegistrationRepository::map).optional();
	}

	List<Row> page(String prefix, String status, UUID after, int limitPlusOne) {
		return jdbc.sql(SELECT + """
				where (r.community = :prefix or r.community like :subtree)
				  and (cast(:status as text) is null or r.status = :status)
				  and (cast(:after as uuid) is null or r.id > :after)
				order by r.id limit :limit
				""")
			.param("prefix", prefix)
			.param("subtree", Regions.subtreePattern(prefix))
			.param("status", status)
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(RegistrationRepository::map)
			.list();
	}

	int end(UUID id, String by) {
		return jdbc.sql("update community_registration set status = 'ENDED', ended_at = now(), ended_by = :by, "
				+ "version = version + 1 where id = :id and status = 'ACTIVE'")
			.param("id", id)
			.param("by", by)
			.update();
	}

	ServiceRecord insertRecord(String tenant, ServiceRecord record) {
		return jdbc.sql("insert into community_service_record (id, tenant_id, registration_id, served_on, minutes, description, "
				+ "recorded_by) values (:id, :tenant, :registration, :servedOn, :minutes, :description, :by) "
				+ "returning id, registration_id, served_on, minutes, description, recorded_by, recorded_at")
			.param("id", record.id())
			.param("tenant", tenant)
			.param("registration", record.registrationId())
			.param("servedOn", record.servedOn())
			.param("minutes", record.minutes())
			.param("description", record.description())
			.param("by", record.recordedBy())
			.query(RegistrationRepository::mapRecord)
			.single();
	}

	List<ServiceRecord> records(UUID registrationId, Cursor.Keyset<LocalDate> after, int limitPlusOne) {
		return jdbc.sql("""
				select id, registration_id, served_on, minutes, description, recorded_by, recorded_at
				from community_service_record where registration_id = :registration
				  and (cast(:afterDate as date) is null or (served_on, id) < (:afterDate, :afterId))
				order by served_on desc, id desc limit :limit
				""")
			.param("registration", registrationId)
			.param("afterDate", after == null ? null : after.value())
			.param("afterId", after == null ? null : after.id())
			.param("limit", limitPlusOne)
			.query(RegistrationRepository::mapRecord)
			.list();
	}

	private static ServiceRecord mapRecord(ResultSet rs, int n) throws SQLException {
		return new ServiceRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
				rs.getInt(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(new CommunityRegistration(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
				rs.getString("member_name"), rs.getString("organization_name"), rs.getString("workplace"),
				rs.getString("community"), rs.getString("status"), rs.getString("note"), rs.getString("registered_by"),
				rs.getObject("registered_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
				rs.getInt("service_count"), rs.getInt("service_minutes"), rs.getObject("last_served_on", LocalDate.class),
				rs.getLong("version")), rs.getString("account_subject"), rs.getString("organization_region"));
	}
}
