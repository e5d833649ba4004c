package org.grassroots.center.upgrades;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UpgradeRepository {

	private static final String COLUMNS = "id, batch, title, region, street, center_id, year, status, created_by, "
			+ "created_at, updated_at, version";

	private final JdbcClient jdbc;

	UpgradeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record TaskRow(UUID id, UpgradeTask.Batch batch, String title, String region, String street, UUID centerId,
			int year, UpgradeTask.Status status, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
			long version) {
	}

	record MilestoneRow(UUID taskId, YearMonth month, String goal, OffsetDateTime signedOffAt, String signedOffBy,
			String note) {
	}

	void insertTask(String tenant, UUID id, UpgradeRequests.TaskDraft d, String street, String createdBy) {
		jdbc.sql("""
				insert into upgrade_task (id, tenant_id, batch, title, region, street, center_id, year, created_by)
				values (:id, :tenant, :batch, :title, :region, :street, :center, :year, :by)
				""").param("id", id).param("tenant", tenant).param("batch", d.batch().name())
			.param("title", d.title().strip()).param("region", d.region()).param("street", street)
			.param("center", d.centerId()).param("year", d.year()).param("by", createdBy)
			.update();
	}

	void insertMilestone(String tenant, UUID taskId, YearMonth month, String goal) {
		jdbc.sql("insert into upgrade_milestone (tenant_id, task_id, month, goal) values (:tenant, :task, :month, :goal)")
			.param("tenant", tenant).param("task", taskId).param("month", month.atDay(1)).param("goal", goal)
			.update();
	}

	Optional<TaskRow> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from upgrade_task where id = :id").param("id", id)
			.query(UpgradeRepository::task).optional();
	}

	Optional<TaskRow> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from upgrade_task where id = :id for update").param("id", id)
			.query(UpgradeRepository::task).optional();
	}

	List<TaskRow> page(String regionPrefix, Integer year, UpgradeTask.Batch batch, UUID after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from upgrade_task "
				+ "where (region = :prefix or region like :subtree) "
				+ "and (cast(:year as int) is null or year = :year) "
				+ "and (cast(:batch as text) is null or batch = :batch) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("prefix", regionPrefix).param("subtree", Regions.subtreePattern(regionPrefix))
			.param("year", year).param("batch", batch == null ? null : batch.name()).param("after", after)
			.param("limit", limitPlusOne)
			.query(UpgradeRepository::task)
			.list();
	}

	List<TaskRow> ofYear(String regionPrefix, int year) {
		return jdbc.sql("select " + COLUMNS + " from upgrade_task where (region = :prefix or region like :subtree) "
				+ "and year = :year order by street, id")
			.param("prefix", regionPrefix).param("subtree", Regions.subtreePattern(regionPrefix)).param("year", year)
			.query(UpgradeRepository::task)
			.list();
	}

	List<MilestoneRow> milestones(List<UUID> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select task_id, month, goal, signed_off_at, signed_off_by, sign_off_note "
				+ "from upgrade_milestone where task_id in (:tasks) order by task_id, month")
			.param("tasks", taskIds)
			.query((rs, n) -> new MilestoneRow(rs.getObject(1, UUID.class),
					YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6)))
			.list();
	}

	record SiteRow(UUID taskId, UpgradeTask.CandidateSite site) {
	}

	List<SiteRow> sites(List<UUID> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select task_id, id, name, address, lat, lng, mode, leased_area_m2, status, created_at "
				+ "from candidate_site where task_id in (:tasks) order by task_id, created_at, id")
			.param("tasks", taskIds)
			.query((rs, n) -> new SiteRow(rs.getObject("task_id", UUID.class), site(rs)))
			.list();
	}

	/** Candidate sites of the tasks in a region subtree that are still candidates or selected. */
	List<UpgradeTask.CandidateSite> openSites(String regionPrefix) {
		return jdbc.sql("select s.id, s.name, s.address, s.lat, s.lng, s.mode, s.leased_area_m2, s.status, s.created_at "
				+ "from candidate_site s join upgrade_task t on t.id = s.task_id "
				+ "where (t.region = :prefix or t.region like :subtree) and s.status <> 'REJECTED' "
				+ "order by s.created_at, s.id limit 5000")
			.param("prefix", regionPrefix).param("subtree", Regions.subtreePattern(regionPrefix))
			.query((rs, n) -> site(rs))
			.list();
	}

	int signOff(UUID taskId, YearMonth month, String by, String note) {
		return jdbc.sql("""
				update upgrade_milestone set signed_off_at = now(), signed_off_by = :by, sign_off_note = :note
				where task_id = :task and month = :month and signed_off_at is null
				""").param("task", taskId).param("month", month.atDay(1)).param("by", by).param("note", note)
			.update();
	}

	void touch(UUID taskId, UpgradeTask.Status status) {
		jdbc.sql("update upgrade_task set status = :status, updated_at = now(), version = version + 1 where id = :id")
			.param("id", taskId).param("status", status.name()).update();
	}

	void insertSite(String tenant, UUID id, UUID taskId, UpgradeRequests.SiteDraft d) {
		jdbc.sql("""
				insert into candidate_site (id, tenant_id, task_id, name, address, lat, lng, mode, leased_area_m2)
				values (:id, :tenant, :task, :name, :address, :lat, :lng, :mode, :area)
				""").param("id", id).param("tenant", tenant).param("task", taskId).param("name", d.name().strip())
			.param("address", d.address().strip()).param("lat", d.location().lat()).param("lng", d.location().lng())
			.param("mode", d.mode().name()).param("area", d.leasedAreaM2())
			.update();
	}

	int decideSite(UUID taskId, UUID siteId, UpgradeTask.SiteStatus status) {
		return jdbc.sql("update candidate_site set status = :status where id = :id and task_id = :task")
			.param("id", siteId).param("task", taskId).param("status", status.name()).update();
	}

	private static TaskRow task(ResultSet rs, int n) throws SQLException {
		return new TaskRow(rs.getObject("id", UUID.class), UpgradeTask.Batch.valueOf(rs.getString("batch")),
				rs.getString("title"), rs.getString("region"), rs.getString("street"),
				rs.getObject("center_id", UUID.class), rs.getInt("year"),
				UpgradeTask.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}

	private static UpgradeTask.CandidateSite site(ResultSet rs) throws SQLException {
		BigDecimal area = rs.getBigDecimal("leased_area_m2");
		return new UpgradeTask.CandidateSite(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getString("address"), rs.getDouble("lat"), rs.getDouble("lng"),
				UpgradeTask.SiteMode.valueOf(rs.getString("mode")), area,
				UpgradeTask.SiteStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class));
	}
}
