package org.grassroots.member.worklogs;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkLogRepository {

	private static final String COLUMNS = "w.id, w.central_household_id, w.kind, w.occurred_on, w.summary, "
			+ "w.household_ids, w.case_id, w.case_category, w.rating, w.source, w.recorded_by, w.recorded_at";

	private final JdbcClient jdbc;

	WorkLogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	WorkLog insert(String tenant, UUID id, NewWorkLog log, List<UUID> householdIds, String by) {
		return jdbc.sql("insert into work_log as w (id, tenant_id, central_household_id, kind, occurred_on, summary, "
				+ "household_ids, source, recorded_by) values (:id, :tenant, :ch, :kind, :occurredOn, :summary, "
				+ "cast(:households as uuid[]), 'MANUAL', :by) returning " + COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("ch", log.centralHouseholdId())
			.param("kind", log.kind().name())
			.param("occurredOn", log.occurredOn())
			.param("summary", log.summary().strip())
			.param("households", householdIds.stream().map(UUID::toString).toArray(String[]::new))
			.param("by", by)
			.query(WorkLogRepository::map)
			.single();
	}

	/** The households of {@code householdIds} that are not linked to the central household. */
	List<UUID> notLinked(UUID centralHouseholdId, List<UUID> householdIds) {
		return jdbc.sql("select h from unnest(cast(:ids as uuid[])) as h where not exists (select 1 from linked_household l "
				+ "where l.central_household_id = :ch and l.household_id = h)")
			.param("ids", householdIds.stream().map(UUID::toString).toArray(String[]::new))
			.param("ch", centralHouseholdId)
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list();
	}

	boolean centralHouseholdExists(UUID id) {
		return jdbc.sql("select exists (select 1 from central_household where id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Credits a closed case once per central household: the unique key (tenant, central household, case id)
	 * makes a repeated case a no-op, except that a rating given on a later close is kept.
	 * @return whether a new entry was written
	 */
	boolean creditCase(String tenant, UUID centralHouseholdId, String caseId, String category, LocalDate closedOn,
			UUID householdId, Integer rating, UUID eventId) {
		Boolean inserted = jdbc.sql("""
				insert into work_log (id, tenant_id, central_household_id, kind, occurred_on, summary, household_ids,
				    case_id, case_category, rating, source, event_id, recorded_by)
				values (:id, :tenant, :ch, 'CASE_HELP', :occurredOn, :summary, cast(:households as uuid[]), :caseId,
				    :category, :rating, 'GRID_CASE', :eventId, 'grid-service')
				on conflict (tenant_id, central_household_id, case_id)
				do update set rating = coalesce(excluded.rating, work_log.rating)
				returning (xmax = 0)
				""")
			.param("id", UUID.randomUUID())
			.param("tenant", tenant)
			.param("ch", centralHouseholdId)
			.param("occurredOn", closedOn)
			.param("summary", "协助办结网格事件" + (category == null ? "" : "（" + category + "）"))
			.param("households", householdId == null ? new String[0] : new String[] { householdId.toString() })
			.param("caseId", caseId)
			.param("category", category)
			.param("rating", rating)
			.param("eventId", eventId)
			.query(Boolean.class)
			.single();
		return Boolean.TRUE.equals(inserted);
	}

	List<WorkLog> page(UUID centralHouseholdId, String regionPrefix, WorkKind kind, LocalDate from, LocalDate to,
			Cursor.Keyset<LocalDate> after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + """
				 from work_log w join central_household ch on ch.tenant_id = w.tenant_id and ch.id = w.central_household_id
				where (cast(:ch as uuid) is null or w.central_household_id = :ch)
				  and (cast(:prefix as text) is null or ch.region = :prefix or ch.region like :subtree)
				  and (cast(:kind as text) is null or w.kind = :kind)
				  and (cast(:from as date) is null or w.occurred_on >= :from)
				  and (cast(:to as date) is null or w.occurred_on <= :to)
				  and (cast(:afterDate as date) is null or (w.occurred_on, w.id) < (:afterDate, :afterId))
				order by w.occurred_on desc, w.id desc limit :limit
				""")
			.param("ch", centralHouseholdId)
			.param("prefix", regionPrefix)
			.param("subtree", regionPrefix == null ? null : Regions.subtreePattern(regionPrefix))
			.param("kind", kind == null ? null : kind.name())
			.param("from", from)
			.param("to", to)
			.param("afterDate", after == null ? null : after.value())
			.param("afterId", after == null ? null : after.id())
			.param("limit", limitPlusOne)
			.query(WorkLogRepository::map)
			.list();
	}

	static WorkLog map(ResultSet rs, int n) throws SQLException {
		Array households = rs.getArray("household_ids");
		Object rating = rs.getObject("rating");
		return new WorkLog(rs.getObject("id", UUID.class), rs.getObject("central_household_id", UUID.class),
				WorkKind.valueOf(rs.getString("kind")), rs.getObject("occurred_on", LocalDate.class), rs.getString("summary"),
				households == null ? List.of() : Arrays.asList((UUID[]) households.getArray()), rs.getString("case_id"),
				rs.getString("case_category"), rating == null ? null : ((Number) rating).intValue(), rs.getString("source"),
				rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
	}
}
