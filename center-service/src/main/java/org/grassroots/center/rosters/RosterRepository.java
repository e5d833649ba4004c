package org.grassroots.center.rosters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.center.support.Sql;
import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RosterRepository {

	private static final String COLUMNS = "id, center_id, staff_subject, staff_name, duty_role, starts_at, ends_at, "
			+ "note, created_by, created_at";

	private final JdbcClient jdbc;

	RosterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	DutyShift insert(String tenant, UUID id, ShiftDraft d, String createdBy) {
		try {
			return jdbc.sql("""
					insert into duty_shift (id, tenant_id, center_id, staff_subject, staff_name, duty_role, starts_at,
					    ends_at, note, created_by)
					values (:id, :tenant, :center, :subject, :name, :role, :starts, :ends, :note, :by)
					returning\s""" + COLUMNS)
				.param("id", id).param("tenant", tenant).param("center", d.centerId())
				.param("subject", d.staffSubject().strip()).param("name", d.staffName().strip())
				.param("role", d.dutyRole().strip()).param("starts", d.startsAt()).param("ends", d.endsAt())
				.param("note", d.note()).param("by", createdBy)
				.query(RosterRepository::map)
				.single();
		}
		catch (DataAccessException ex) {
			if (Sql.violates(ex, "duty_shift_no_overlap")) {
				throw DomainProblem.conflict("shift-overlap");
			}
			throw ex;
		}
	}

	Optional<DutyShift> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from duty_shift where id = :id").param("id", id)
			.query(RosterRepository::map).optional();
	}

	int delete(UUID id) {
		return jdbc.sql("delete from duty_shift where id = :id").param("id", id).update();
	}

	List<DutyShift> between(UUID centerId, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("select " + COLUMNS + " from duty_shift where center_id = :center "
				+ "and starts_at < :to and ends_at > :from order by starts_at, staff_name limit 1000")
			.param("center", centerId).param("from", from).param("to", to)
			.query(RosterRepository::map)
			.list();
	}

	private static DutyShift map(ResultSet rs, int row) throws SQLException {
		return new DutyShift(rs.getObject("id", UUID.class), rs.getObject("center_id", UUID.class),
				rs.getString("staff_subject"), rs.getString("staff_name"), rs.getString("duty_role"),
				rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
				rs.getString("note"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}
}
