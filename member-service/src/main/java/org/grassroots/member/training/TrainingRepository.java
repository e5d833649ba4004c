package org.grassroots.member.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrainingRepository {

	private static final String SELECT = """
			select c.id, c.title, c.region, c.organization_id, c.starts_at, c.duration_minutes, c.location, c.created_by,
			       c.created_at,
			       (select count(*) from training_attendance a where a.tenant_id = c.tenant_id and a.course_id = c.id) as attendance
			from training_course c
			""";

	private final JdbcClient jdbc;

	TrainingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tenant, UUID id, NewCourse course, String by) {
		jdbc.sql("insert into training_course (id, tenant_id, title, region, organization_id, starts_at, duration_minutes, "
				+ "location, created_by) values (:id, :tenant, :title, :region, :org, :startsAt, :minutes, :location, :by)")
			.param("id", id)
			.param("tenant", tenant)
			.param("title", course.title().strip())
			.param("region", course.region())
			.param("org", course.organizationId())
			.param("startsAt", course.startsAt())
			.param("minutes", course.durationMinutes())
			.param("location", course.location())
			.param("by", by)
			.update();
	}

	Optional<TrainingCourse> find(UUID id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(TrainingRepository::map).optional();
	}

	List<TrainingCourse> page(String prefix, OffsetDateTime from, OffsetDateTime to, UUID after, int limitPlusOne) {
		return jdbc.sql(SELECT + """
				where (cast(:prefix as text) is null or c.region = :prefix or c.region like :subtree)
				  and (cast(:from as timestamptz) is null or c.starts_at >= :from)
				  and (cast(:to as timestamptz) is null or c.starts_at < :to)
				  and (cast(:after as uuid) is null or c.id > :after)
				order by c.id limit :limit
				""")
			.param("prefix", prefix)
			.param("subtree", prefix == null ? null : Regions.subtreePattern(prefix))
			.param("from", from)
			.param("to", to)
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(TrainingRepository::map)
			.list();
	}

	/** @return the member ids that do not exist in the district */
	List<UUID> unknownMembers(List<UUID> memberIds) {
		return jdbc.sql("select m from unnest(cast(:ids as uuid[])) as m "
				+ "where not exists (select 1 from party_member p where p.id = m)")
			.param("ids", memberIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list();
	}

	int attend(String tenant, UUID courseId, List<UUID> memberIds, String by) {
		return jdbc.sql("""
				insert into training_attendance (tenant_id, course_id, member_id, recorded_by)
				select :tenant, :course, m, :by from unnest(cast(:ids as uuid[])) as m
				on conflict do nothing
				""")
			.param("tenant", tenant)
			.param("course", courseId)
			.param("ids", memberIds.stream().map(UUID::toString).toArray(String[]::new))
			.param("by", by)
			.update();
	}

	boolean remove(UUID courseId, UUID memberId) {
		return jdbc.sql("delete from training_attendance where course_id = :course and member_id = :member")
			.param("course", courseId)
			.param("member", memberId)
			.update() == 1;
	}

	List<Attendance> attendance(UUID courseId, UUID after, int limitPlusOne) {
		return jdbc.sql("""
				select a.course_id, a.member_id, m.name, o.name, a.recorded_by, a.recorded_at
				from training_attendance a
				join party_member m on m.tenant_id = a.tenant_id and m.id = a.member_id
				join party_organization o on o.tenant_id = m.tenant_id and o.id = m.organization_id
				where a.course_id = :course and (cast(:after as uuid) is null or a.member_id > :after)
				order by a.member_id limit :limit
				""")
			.param("course", courseId)
			.param("after", after)
			.param("limit", limitPlusOne)
			.query((rs, n) -> new Attendance(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	private static TrainingCourse map(ResultSet rs, int n) throws SQLException {
		return new TrainingCourse(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("region"),
				rs.getObject("organization_id", UUID.class), rs.getObject("starts_at", OffsetDateTime.class),
				rs.getInt("duration_minutes"), rs.getString("location"), rs.getInt("attendance"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}
}
