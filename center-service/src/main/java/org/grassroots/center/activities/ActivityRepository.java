package org.grassroots.center.activities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

	private static final String COLUMNS = "id, center_id, room_id, booking_id, category, title, description, place, "
			+ "starts_at, ends_at, signup_deadline, capacity, confirmed_count, waitlist_count, status, created_by, "
			+ "created_at, updated_at, version";

	private static final String SIGNUP_COLUMNS = "id, activity_id, participant_subject, participant_name, status, "
			+ "queued_at, checked_in_at, checked_in_by, check_in_method, created_at, cancelled_at";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Activity insert(String tenant, UUID id, ActivityRequests.Draft d, String place, UUID bookingId, String createdBy) {
		return jdbc.sql("""
				insert into activity (id, tenant_id, center_id, room_id, booking_id, category, title, description, place,
				    starts_at, ends_at, signup_deadline, capacity, created_by)
				values (:id, :tenant, :center, :room, :booking, :category, :title, :description, :place, :starts, :ends,
				    :deadline, :capacity, :by)
				returning\s""" + COLUMNS)
			.param("id", id).param("tenant", tenant).param("center", d.centerId()).param("room", d.roomId())
			.param("booking", bookingId).param("category", d.category().name()).param("title", d.title().strip())
			.param("description", d.description()).param("place", place).param("starts", d.startsAt())
			.param("ends", d.endsAt()).param("deadline", d.signupDeadline()).param("capacity", d.capacity())
			.param("by", createdBy)
			.query(ActivityRepository::map)
			.single();
	}

	Optional<Activity> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from activity where id = :id").param("id", id)
			.query(ActivityRepository::map).optional();
	}

	/** Locks the activity: sign-ups, cancellations and capacity changes of one activity happen one at a time. */
	Optional<Activity> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from activity where id = :id for update").param("id", id)
			.query(ActivityRepository::map).optional();
	}

	List<Activity> page(UUID centerId, String regionPrefix, OffsetDateTime from, OffsetDateTime to,
			Activity.Category category, Cursor.Keyset<OffsetDateTime> after, int limitPlusOne) {
		return jdbc.sql("select a.* from activity a join center c on c.id = a.center_id "
				+ "where (cast(:center as uuid) is null or a.center_id = :center) "
				+ "and (c.region = :prefix or c.region like :subtree) "
				+ "and a.starts_at >= :from and a.starts_at < :to "
				+ "and (cast(:category as text) is null or a.category = :category) "
				+ "and (cast(:afterTime as timestamptz) is null or (a.starts_at, a.id) > "
				+ "(cast(:afterTime as timestamptz), cast(:afterId as uuid))) "
				+ "order by a.starts_at, a.id limit :limit")
			.param("center", centerId).param("prefix", regionPrefix).param("subtree", Regions.subtreePattern(regionPrefix))
			.param("from", from).param("to", to).param("category", category == null ? null : category.name())
			.param("afterTime", after == null ? null : after.value()).param("afterId", after == null ? null : after.id())
			.param("limit", limitPlusOne)
			.query(ActivityRepository::map)
			.list();
	}

	int updateDetails(UUID id, long expectedVersion, String title, String description, int capacity,
			OffsetDateTime deadline) {
		return jdbc.sql("""
				update activity set title = :title, description = :description, capacity = :capacity,
				    signup_deadline = :deadline, updated_at = now(), version = version + 1
				where id = :id and version = :version
				""").param("id", id).param("version", expectedVersion).param("title", title)
			.param("description", description).param("capacity", capacity).param("deadline", deadline)
			.update();
	}

	void setStatus(UUID id, Activity.Status status) {
		jdbc.sql("update activity set status = :status, updated_at = now(), version = version + 1 where id = :id")
			.param("id", id).param("status", status.name()).update();
	}

	void setCounts(UUID id, int confirmed, int waitlisted) {
		jdbc.sql("""
				update activity set confirmed_count = :confirmed, waitlist_count = :waitlisted, updated_at = now()
				where id = :id
				""").param("id", id).param("confirmed", confirmed).param("waitlisted", waitlisted).update();
	}

	void setCheckInToken(UUID id, String hash) {
		jdbc.sql("update activity set checkin_token_hash = :hash where id = :id").param("id", id).param("hash", hash)
			.update();
	}

	Optional<String> checkInToken(UUID id) {
		return jdbc.sql("select checkin_token_hash from activity where id = :id and checkin_token_hash is not null")
			.param("id", id).query(String.class).optional();
	}

	Signup insertSignup(String tenant, UUID id, UUID activityId, String subject, String name, Signup.Status status,
			String by) {
		return jdbc.sql("""
				insert into activity_signup (id, tenant_id, activity_id, participant_subject, participant_name, status,
				    signed_up_by)
				values (:id, :tenant, :activity, :subject, :name, :status, :by)
				returning\s""" + SIGNUP_COLUMNS)
			.param("id", id).param("tenant", tenant).param("activity", activityId).param("subject", subject)
			.param("name", name).param("status", status.name()).param("by", by)
			.query(ActivityRepository::signup)
			.single();
	}

	Optional<Signup> findSignup(UUID id) {
		return jdbc.sql("select " + SIGNUP_COLUMNS + " from activity_signup where id = :id").param("id", id)
			.query(ActivityRepository::signup).optional();
	}

	Optional<Signup> activeSignup(UUID activityId, String subject) {
		return jdbc.sql("select " + SIGNUP_COLUMNS + " from activity_signup where activity_id = :activity "
				+ "and participant_subject = :subject and status <> 'CANCELLED'")
			.param("activity", activityId).param("subject", subject)
			.query(ActivityRepository::signup).optional();
	}

	List<Signup> signups(UUID activityId) {
		return jdbc.sql("select " + SIGNUP_COLUMNS + " from activity_signup where activity_id = :activity "
				+ "order by case status when 'CONFIRMED' then 0 when 'WAITLISTED' then 1 else 2 end, queued_at, id "
				+ "limit 100000")
			.param("activity", activityId)
			.query(ActivityRepository::signup)
			.list();
	}

	/** The first {@code count} waiting sign-ups, in the order they joined the line. */
	List<Signup> nextWaiting(UUID activityId, int count) {
		return jdbc.sql("select " + SIGNUP_COLUMNS + " from activity_signup where activity_id = :activity "
				+ "and status = 'WAITLISTED' order by queued_at, id limit :count")
			.param("activity", activityId).param("count", count)
			.query(ActivityRepository::signup)
			.list();
	}

	void setSignupStatus(UUID id, Signup.Status status) {
		jdbc.sql("update activity_signup set status = :status, cancelled_at = case when :status = 'CANCELLED' "
				+ "then now() else cancelled_at end where id = :id")
			.param("id", id).param("status", status.name()).update();
	}

	int checkIn(UUID signupId, String by, Signup.CheckInMethod method) {
		return jdbc.sql("""
				update activity_signup set checked_in_at = now(), checked_in_by = :by, check_in_method = :method
				where id = :id and checked_in_at is null and status = 'CONFIRMED'
				""").param("id", signupId).param("by", by).param("method", method.name()).update();
	}

	record CenterMonth(UUID centerId, String name, String region, int activities, int signups, int attended) {
	}

	/** Per center of a region subtree: published activities starting in {@code [from, to)}, sign-ups, attendance. */
	List<CenterMonth> monthly(String regionPrefix, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("""
				select c.id, c.name, c.region, count(*) as activities, coalesce(sum(s.signups), 0) as signups,
				       coalesce(sum(s.attended), 0) as attended
				from activity a
				join center c on c.id = a.center_id
				left join lateral (
				    select count(*) filter (where status <> 'CANCELLED') as signups,
				           count(*) filter (where checked_in_at is not null) as attended
				    from activity_signup where activity_id = a.id) s on true
				where a.status = 'PUBLISHED' and a.starts_at >= :from and a.starts_at < :to
				  and (c.region = :prefix or c.region like :subtree)
				group by c.id, c.name, c.region
				order by c.region, c.name
				""").param("from", from).param("to", to).param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.query((rs, n) -> new CenterMonth(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getInt(5), rs.getInt(6)))
			.list();
	}

	static Activity map(ResultSet rs, int row) throws SQLException {
		return new Activity(rs.getObject("id", UUID.class), rs.getObject("center_id", UUID.class),
				rs.getObject("room_id", UUID.class), rs.getObject("booking_id", UUID.class),
				Activity.Category.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("description"),
				rs.getString("place"), rs.getObject("starts_at", OffsetDateTime.class),
				rs.getObject("ends_at", OffsetDateTime.class), rs.getObject("signup_deadline", OffsetDateTime.class),
				rs.getInt("capacity"), rs.getInt("confirmed_count"), rs.getInt("waitlist_count"),
				Activity.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}

	static Signup signup(ResultSet rs, int row) throws SQLException {
		String method = rs.getString("check_in_method");
		return new Signup(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getString("participant_subject"), rs.getString("participant_name"),
				Signup.Status.valueOf(rs.getString("status")), rs.getObject("queued_at", OffsetDateTime.class),
				rs.getObject("checked_in_at", OffsetDateTime.class), rs.getString("checked_in_by"),
				method == null ? null : Signup.CheckInMethod.valueOf(method),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("cancelled_at", OffsetDateTime.class));
	}
}
