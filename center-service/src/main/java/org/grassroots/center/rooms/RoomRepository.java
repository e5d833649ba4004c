package org.grassroots.center.rooms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.center.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoomRepository {

	private static final String COLUMNS = "id, center_id, name, capacity, facilities, requires_approval, bookable, "
			+ "max_duration_minutes, max_advance_days, status, created_at, updated_at, version";

	private final JdbcClient jdbc;

	RoomRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Room insert(String tenant, UUID id, RoomDraft d) {
		return jdbc.sql("""
				insert into room (id, tenant_id, center_id, name, capacity, facilities, requires_approval, bookable,
				    max_duration_minutes, max_advance_days)
				values (:id, :tenant, :center, :name, :capacity, :facilities, :approval, :bookable, :duration, :advance)
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("center", d.centerId())
			.param("name", d.name().strip())
			.param("capacity", d.capacity())
			.param("facilities", Sql.array(d.facilities()))
			.param("approval", Boolean.TRUE.equals(d.requiresApproval()))
			.param("bookable", d.bookable() == null || d.bookable())
			.param("duration", d.maxDurationMinutes() == null ? 240 : d.maxDurationMinutes())
			.param("advance", d.maxAdvanceDays() == null ? 60 : d.maxAdvanceDays())
			.query(RoomRepository::map)
			.single();
	}

	Optional<Room> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from room where id = :id").param("id", id).query(RoomRepository::map)
			.optional();
	}

	List<Room> byCenter(UUID centerId) {
		return jdbc.sql("select " + COLUMNS + " from room where center_id = :center order by name, id")
			.param("center", centerId)
			.query(RoomRepository::map)
			.list();
	}

	Optional<Room> update(Room r, long expectedVersion) {
		return jdbc.sql("""
				update room set name = :name, capacity = :capacity, facilities = :facilities,
				    requires_approval = :approval, bookable = :bookable, max_duration_minutes = :duration,
				    max_advance_days = :advance, status = :status, updated_at = now(), version = version + 1
				where id = :id and version = :version
				returning\s""" + COLUMNS)
			.param("id", r.id())
			.param("version", expectedVersion)
			.param("name", r.name())
			.param("capacity", r.capacity())
			.param("facilities", Sql.array(r.facilities()))
			.param("approval", r.requiresApproval())
			.param("bookable", r.bookable())
			.param("duration", r.maxDurationMinutes())
			.param("advance", r.maxAdvanceDays())
			.param("status", r.status().name())
			.query(RoomRepository::map)
			.optional();
	}

	private static Room map(ResultSet rs, int row) throws SQLException {
		return new Room(rs.getObject("id", UUID.class), rs.getObject("center_id", UUID.class), rs.getString("name"),
				rs.getInt("capacity"), Sql.strings(rs, "facilities"), rs.getBoolean("requires_approval"),
				rs.getBoolean("bookable"), rs.getInt("max_duration_minutes"), rs.getInt("max_advance_days"),
				Room.RoomStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
	}
}
