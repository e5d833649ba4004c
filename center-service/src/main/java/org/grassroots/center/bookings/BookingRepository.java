package org.grassroots.center.bookings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.center.support.Sql;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BookingRepository {

	static final String NO_OVERLAP = "booking_no_overlap";

	private static final String COLUMNS = "id, room_id, center_id, starts_at, ends_at, status, booker_subject, "
			+ "booker_type, organization_name, purpose, attendees, activity_id, decided_by, decided_at, decision_note, "
			+ "cancelled_by, cancelled_at, cancel_reason, created_at, version";

	private final JdbcClient jdbc;

	BookingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the booking; a 409 {@code booking-conflict} when the database finds an overlapping one. */
	Booking insert(String tenant, UUID id, UUID roomId, UUID centerId, OffsetDateTime startsAt, OffsetDateTime endsAt,
			Booking.BookingStatus status, String booker, Booking.BookerType type, String organization, String purpose,
			int attendees, UUID activityId) {
		try {
			return jdbc.sql("""
					insert into booking (id, tenant_id, room_id, center_id, starts_at, ends_at, status, booker_subject,
					    booker_type, organization_name, purpose, attendees, activity_id)
					values (:id, :tenant, :room, :center, :starts, :ends, :status, :booker, :type, :organization,
					    :purpose, :attendees, :activity)
					returning\s""" + COLUMNS)
				.param("id", id)
				.param("tenant", tenant)
				.param("room", roomId)
				.param("center", centerId)
				.param("starts", startsAt)
				.param("ends", endsAt)
				.param("status", status.name())
				.param("booker", booker)
				.param("type", type.name())
				.param("organization", organization)
				.param("purpose", purpose)
				.param("attendees", attendees)
				.param("activity", activityId)
				.query(BookingRepository::map)
				.single();
		}
		catch (DataAccessException ex) {
			if (Sql.violates(ex, NO_OVERLAP)) {
				throw DomainProblem.conflict("booking-conflict");
			}
			throw ex;
		}
	}

	Optional<Booking> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from booking where id = :id").param("id", id)
			.query(BookingRepository::map).optional();
	}

	/** Moves a booking from one status to another; empty when it was not in {@code from} any more. */
	Optional<Booking> transition(UUID id, List<Booking.BookingStatus> from, Booking.BookingStatus to, String actor,
			String note) {
		boolean cancelling = to == Booking.BookingStatus.CANCELLED;
		return jdbc.sql("update booking set status = :to, version = version + 1, "
				+ (cancelling ? "cancelled_by = :actor, cancelled_at = now(), cancel_reason = :note "
						: "decided_by = :actor, decided_at = now(), decision_note = :note ")
				+ "where id = :id and status in (:from) returning " + COLUMNS)
			.param("id", id)
			.param("from", from.stream().map(Enum::name).toList())
			.param("to", to.name())
			.param("actor", actor)
			.param("note", note)
			.query(BookingRepository::map)
			.optional();
	}

	/** Bookings of a room overlapping {@code [from, to)}, by start time; keyset after {@code after}. */
	List<Booking> ofRoom(UUID roomId, OffsetDateTime from, OffsetDateTime to, Cursor.Keyset<OffsetDateTime> after, int limit) {
		return jdbc.sql("select " + COLUMNS + " from booking where room_id = :room "
				+ "and starts_at < :to and ends_at > :from "
				+ "and (cast(:afterTime as timestamptz) is null or (starts_at, id) > (cast(:afterTime as timestamptz), cast(:afterId as uuid))) "
				+ "order by starts_at, id limit :limit")
			.param("room", roomId)
			.param("from", from)
			.param("to", to)
			.param("afterTime", after == null ? null : after.value())
			.param("afterId", after == null ? null : after.id())
			.param("limit", limit)
			.query(BookingRepository::map)
			.list();
	}

	/** A person's bookings, newest start first. */
	List<Booking> ofBooker(String booker, Cursor.Keyset<OffsetDateTime> after, int limit) {
		return jdbc.sql("select " + COLUMNS + " from booking where booker_subject = :booker "
				+ "and (cast(:afterTime as timestamptz) is null or (starts_at, id) < (cast(:afterTime as timestamptz), cast(:afterId as uuid))) "
				+ "order by starts_at desc, id desc limit :limit")
			.param("booker", booker)
			.param("afterTime", after == null ? null : after.value())
			.param("afterId", after == null ? null : after.id())
			.param("limit", limit)
			.query(BookingRepository::map)
			.list();
	}

	/** Pending and confirmed bookings of a room overlapping {@code [from, to)}, for its calendar feed. */
	List<Booking> holding(UUID roomId, OffsetDateTime from, OffsetDateTime to, int limit) {
		return jdbc.sql("select " + COLUMNS + " from booking where room_id = :room "
				+ "and status in ('PENDING', 'CONFIRMED') and starts_at < :to and ends_at > :from "
				+ "order by starts_at, id limit :limit")
			.param("room", roomId)
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.query(BookingRepository::map)
			.list();
	}

	static Booking map(ResultSet rs, int row) throws SQLException {
		return new Booking(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getObject("center_id", UUID.class), rs.getObject("starts_at", OffsetDateTime.class),
				rs.getObject("ends_at", OffsetDateTime.class), Booking.BookingStatus.valueOf(rs.getString("status")),
				rs.getString("booker_subject"), Booking.BookerType.valueOf(rs.getString("booker_type")),
				rs.getString("organization_name"), rs.getString("purpose"), rs.getInt("attendees"),
				rs.getObject("activity_id", UUID.class), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"),
				rs.getString("cancelled_by"), rs.getObject("cancelled_at", OffsetDateTime.class),
				rs.getString("cancel_reason"), rs.getObject("created_at", OffsetDateTime.class), rs.getLong("version"));
	}
}
