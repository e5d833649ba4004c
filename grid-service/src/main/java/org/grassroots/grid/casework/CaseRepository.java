package org.grassroots.grid.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.grassroots.defaults.tenancy.TenantContext;
import org.grassroots.defaults.security.Regions;
import org.grassroots.grid.grids.GridLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for cases, their timeline, attachments, links, helpers and escalations. */
@Repository
class CaseRepository {

	static final String COLUMNS = "id, number, channel, category_code, priority, status, title, description, lat, lng, "
			+ "address, grid_id, region, street_path, community_path, grid_path, queue_region, household_id, patrol_id, "
			+ "reporter_subject, reporter_kind, reporter_name, reporter_phone_masked, external_id, "
			+ "attributes::text as attributes, dispatch_mode, assignee_subject, department, parties, helper_lookup, "
			+ "reported_at, accepted_at, dispatched_at, resolved_at, feedback_at, evaluated_at, closed_at, deadline_at, "
			+ "next_escalation_at, escalation_level, reopen_count, rating, rating_comment, updated_at, version";

	/** Columns a transition may set (names are code constants, never input). */
	private static final Set<String> SETTABLE = Set.of("category_code", "priority", "dispatch_mode",
			"assignee_subject", "department", "parties", "helper_lookup", "accepted_at", "dispatched_at", "resolved_at",
			"feedback_at", "evaluated_at", "closed_at", "deadline_at", "next_escalation_at", "escalation_level",
			"reopen_count", "rating", "rating_comment", "queue_region", "household_id");

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new case row; {@code number} is the number's prefix, the database appends the sequence. */
	record NewCase(UUID id, String number, Channel channel, String category, Priority priority, String title,
			String description, Double lat, Double lng, String address, UUID gridId, String region, UUID householdId,
			UUID patrolId, String reporterSubject, String reporterKind, String reporterName, String phoneCipher,
			String phoneBlind, String phoneMasked, String externalId, String attributes,
			OffsetDateTime reportedAt, OffsetDateTime deadlineAt, OffsetDateTime nextEscalationAt) {
	}

	/**
	 * Where to look for suspected duplicates of a new case: same category, these 0.001° cells, the bounding box of
	 * the radius, reported since {@code since}; within {@code radius} metres of ({@code lat}, {@code lng}).
	 */
	record NearbyQuery(List<Long> cells, double minLat, double maxLat, double minLng, double maxLng,
			OffsetDateTime since, double lat, double lng, double radius) {
	}

	/** The outbox event of the report; its {@code number} is filled in by the database (the number is made there). */
	record ReportedEvent(UUID id, String source, String type, String payload) {
	}

	/** The new case and the suspected duplicates it was linked to, newest first. */
	record Reported(CaseRow row, List<CaseView.LinkedCase> duplicates) {
	}

	/**
	 * The rule for suspected duplicates of case {@code :caseId}, as CTEs for the statements that link them: same
	 * category, within {@code :radius} metres by great-circle distance (the haversine of
	 * {@link org.grassroots.grid.geo.Geodesy#distanceMeters}), reported since {@code :since}; the newest
	 * {@value #MAX_CANDIDATES}, linked and named in one DUPLICATE_SUSPECTED timeline entry, whose time (the
	 * {@code %s}) the statement supplies. The tenant is spelled out in the scan: the escalation policy OR-ed into
	 * grid_case's row-level security would otherwise keep the planner from the tenant-leading index, and the scan would
	 * read every case. The scan is materialized before it is ordered and cut: an ORDER BY … LIMIT over it tempted the
	 * planner into walking the (tenant, reported_at) index through every recent case of the district.
	 */
	private static final String DUPLICATES = """
			near as materialized (
			  select id, number, reported_at,
			    2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(lat - :nearLat) / 2), 2)
			      + cos(radians(:nearLat)) * cos(radians(lat)) * power(sin(radians(lng - :nearLng) / 2), 2)))) as distance
			  from grid_case
			  where tenant_id = :tenant and category_code = :category and dup_cell = any(:cells)
			    and reported_at >= :since and lat between :minLat and :maxLat and lng between :minLng and :maxLng
			    and id <> :caseId
			), dup as materialized (
			  select id, number, reported_at, distance from near where distance <= :radius
			  order by reported_at desc, id desc limit :maxLinks
			), links as (
			  insert into case_link (tenant_id, case_id, related_case_id, kind, distance_m)
			  select :tenant, :caseId, dup.id, 'SUSPECTED_DUPLICATE', dup.distance from dup
			  on conflict do nothing
			), linked as (
			  insert into case_event (id, tenant_id, case_id, type, from_status, to_status, actor_subject,
			    actor_kind, data, at)
			  select :linkedId, :tenant, :caseId, 'DUPLICATE_SUSPECTED', null, null, 'system', 'system',
			    jsonb_build_object('cases', (select jsonb_agg(number order by reported_at desc, id desc) from dup)),
			    %s
			  where exists (select 1 from dup)
			)""";

	private static JdbcClient.StatementSpec bindDuplicates(JdbcClient.StatementSpec spec, String tenant, UUID caseId,
			String category, NearbyQuery near) {
		return spec.param("tenant", tenant)
			.param("caseId", caseId)
			.param("category", category)
			.param("linkedId", UUID.randomUUID())
			.param("cells", near.cells().toArray(Long[]::new))
			.param("since", near.since())
			.param("minLat", near.minLat())
			.param("maxLat", near.maxLat())
			.param("minLng", near.minLng())
			.param("maxLng", near.maxLng())
			.param("nearLat", near.lat())
			.param("nearLng", near.lng())
			.param("radius", near.radius())
			.param("maxLinks", MAX_CANDIDATES);
	}

	private static final String INSERT_REPORTED = """
			with c as (
			  insert into grid_case (id, tenant_id, number, channel, category_code, priority, status, title,
			    description, lat, lng, dup_cell, address, grid_id, region, street_path, community_path, grid_path,
			    queue_region, household_id, patrol_id, reporter_subject, reporter_kind, reporter_name,
			    reporter_phone_cipher, reporter_phone_blind, reporter_phone_masked, external_id, attributes,
			    reported_at, deadline_at, next_escalation_at)
			  values (:id, :tenant, :prefix || lpad(nextval('case_number_seq')::text, 6, '0'), :channel, :category,
			    :priority, 'REPORTED', :title, :description, :lat, :lng, :cell, :address, :grid, :region, :street,
			    :community, :gridPath, :region, :household, :patrol, :reporter, :reporterKind, :reporterName,
			    :phoneCipher, :phoneBlind, :phoneMasked, :externalId, cast(:attributes as jsonb), :reportedAt,
			    :deadlineAt, :nextEscalationAt)
			  returning\s""" + COLUMNS + """
			), timeline as (
			  insert into case_event (id, tenant_id, case_id, type, from_status, to_status, actor_subject,
			    actor_kind, data)
			  select :timelineId, :tenant, c.id, 'REPORTED', null, 'REPORTED', :reporter, :reporterKind,
			    jsonb_build_object('channel', :channel, 'region', :region, 'number', c.number)
			  from c
			  returning at
			), outbox as (
			  insert into outbox_event (id, tenant_id, source, type, subject, data)
			  select :eventId, :tenant, :source, :eventType, c.id::text,
			    jsonb_set(cast(:payload as jsonb), '{number}', to_jsonb(c.number))
			  from c
			), """ + DUPLICATES.formatted("(select at from timeline) + interval '1 microsecond'") + """
			select c.*,
			  (select array_agg(d.id order by d.reported_at desc, d.id desc) from dup d) as dup_ids,
			  (select array_agg(d.number order by d.reported_at desc, d.id desc) from dup d) as dup_numbers,
			  (select array_agg(d.distance order by d.reported_at desc, d.id desc) from dup d) as dup_distances
			from c""";

	/**
	 * The whole intake in one round trip: the case row (its number from the sequence; the {@code case_fact} trigger
	 * fires), the REPORTED timeline entry, the {@code case.reported} outbox event (the row {@code Outbox.append} would
	 * write, in the same transaction), and its suspected duplicates linked ({@link #DUPLICATES}), their timeline entry
	 * just after the REPORTED one. Linking here instead of one statement per link afterwards saved two round trips per
	 * case under load (bench/grid intake, where most cases have a neighbour). The scan sees the table as it was before
	 * this statement, so the new case is never its own duplicate.
	 */
	Reported insertReported(String tenant, NewCase c, ReportedEvent event, NearbyQuery near) {
		return bindDuplicates(jdbc.sql(INSERT_REPORTED), tenant, c.id(), c.category(), near)
			.param("id", c.id())
			.param("prefix", c.number())
			.param("channel", c.channel().name())
			.param("priority", c.priority().name())
			.param("title", c.title())
			.param("description", c.description())
			.param("lat", c.lat(), java.sql.Types.DOUBLE)
			.param("lng", c.lng(), java.sql.Types.DOUBLE)
			.param("cell", c.lat() == null ? null : cell(c.lat(), c.lng()), java.sql.Types.BIGINT)
			.param("address", c.address(), java.sql.Types.VARCHAR)
			.param("grid", c.gridId(), java.sql.Types.OTHER)
			.param("region", c.region())
			.param("street", Regions.truncate(c.region(), Regions.STREET), java.sql.Types.VARCHAR)
			.param("community", Regions.truncate(c.region(), Regions.COMMUNITY), java.sql.Types.VARCHAR)
			.param("gridPath", Regions.truncate(c.region(), GridLevel.GRID.depth()), java.sql.Types.VARCHAR)
			.param("household", c.householdId(), java.sql.Types.OTHER)
			.param("patrol", c.patrolId(), java.sql.Types.OTHER)
			.param("reporter", c.reporterSubject(), java.sql.Types.VARCHAR)
			.param("reporterKind", c.reporterKind())
			.param("reporterName", c.reporterName(), java.sql.Types.VARCHAR)
			.param("phoneCipher", c.phoneCipher(), java.sql.Types.VARCHAR)
			.param("phoneBlind", c.phoneBlind(), java.sql.Types.VARCHAR)
			.param("phoneMasked", c.phoneMasked(), java.sql.Types.VARCHAR)
			.param("externalId", c.externalId(), java.sql.Types.VARCHAR)
			.param("attributes", c.attributes())
			.param("reportedAt", c.reportedAt())
			.param("deadlineAt", c.deadlineAt())
			.param("nextEscalationAt", c.nextEscalationAt(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("timelineId", UUID.randomUUID())
			.param("eventId", event.id())
			.param("source", event.source())
			.param("eventType", event.type())
			.param("payload", event.payload())
			.query((rs, n) -> new Reported(map(rs, n), duplicates(rs)))
			.single();
	}

	private static List<CaseView.LinkedCase> duplicates(ResultSet rs) throws SQLException {
		Array ids = rs.getArray("dup_ids");
		if (ids == null) {
			return List.of();
		}
		Object[] id = (Object[]) ids.getArray();
		Object[] number = (Object[]) rs.getArray("dup_numbers").getArray();
		Object[] distance = (Object[]) rs.getArray("dup_distances").getArray();
		List<CaseView.LinkedCase> out = new java.util.ArrayList<>(id.length);
		for (int i = 0; i < id.length; i++) {
			out.add(linked((UUID) id[i], (String) number[i], ((Number) distance[i]).doubleValue()));
		}
		return out;
	}

	Optional<CaseRow> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from grid_case where id = :id")
			.param("id", id)
			.query(CaseRepository::map)
			.optional();
	}

	Optional<CaseRow> findByNumber(String number) {
		return jdbc.sql("select " + COLUMNS + " from grid_case where tenant_id = :tenant and number = :number")
			.param("tenant", TenantContext.current())
			.param("number", number)
			.query(CaseRepository::map)
			.optional();
	}

	/** The tenant spelled out: the index is tenant-leading (see {@link #insertReported}). */
	Optional<CaseRow> findByExternalId(String tenant, String reporter, String externalId) {
		return jdbc.sql("select " + COLUMNS + " from grid_case where tenant_id = :tenant "
				+ "and reporter_subject = :reporter and external_id = :externalId")
			.param("tenant", tenant)
			.param("reporter", reporter)
			.param("externalId", externalId)
			.query(CaseRepository::map)
			.optional();
	}

	/** Locks the row unless another transaction (another replica) holds it. */
	Optional<CaseRow> lockIfFree(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from grid_case where id = :id for update skip locked")
			.param("id", id)
			.query(CaseRepository::map)
			.optional();
	}

	/**
	 * Moves a case from one of {@code from} to {@code to} and sets columns, atomically: another step in between
	 * makes this one match nothing.
	 * @param expectedVersion the version the client read ({@code If-Match}), or null
	 */
	Optional<CaseRow> transition(UUID id, Collection<CaseStatus> from, Long expectedVersion, CaseStatus to,
			Map<String, Object> sets) {
		StringBuilder sql = new StringBuilder("update grid_case set status = :to, updated_at = now(), version = version + 1");
		for (String column : sets.keySet()) {
			if (!SETTABLE.contains(column)) {
				throw new IllegalArgumentException(column);
			}
			sql.append(", ").append(column).append(" = :").append(column);
		}
		sql.append(" where id = :id and status in (:from) and (cast(:version as bigint) is null or version = :version) "
				+ "returning ").append(COLUMNS);
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString())
			.param("to", to.name())
			.param("id", id)
			.param("from", from.stream().map(Enum::name).toList())
			.param("version", expectedVersion, java.sql.Types.BIGINT);
		for (Map.Entry<String, Object> set : sets.entrySet()) {
			spec = bind(spec, set.getKey(), set.getValue());
		}
		return spec.query(CaseRepository::map).optional();
	}

	/** Sets columns without a status change. */
	Optional<CaseRow> patch(UUID id, Map<String, Object> sets) {
		StringBuilder sql = new StringBuilder("update grid_case set updated_at = now(), version = version + 1");
		for (String column : sets.keySet()) {
			if (!SETTABLE.contains(column)) {
				throw new IllegalArgumentException(column);
			}
			sql.append(", ").append(column).append(" = :").append(column);
		}
		sql.append(" where id = :id returning ").append(COLUMNS);
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("id", id);
		for (Map.Entry<String, Object> set : sets.entrySet()) {
			spec = bind(spec, set.getKey(), set.getValue());
		}
		return spec.query(CaseRepository::map).optional();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String column, Object value) {
		if (value instanceof Enum<?> e) {
			return spec.param(column, e.name());
		}
		if (value instanceof List<?> list) {
			return spec.param(column, list.stream().map(String::valueOf).toArray(String[]::new));
		}
		if (value == null) {
			int type = column.endsWith("_at") ? java.sql.Types.TIMESTAMP_WITH_TIMEZONE
					: column.equals("rating") ? java.sql.Types.INTEGER
							: column.equals("household_id") ? java.sql.Types.OTHER : java.sql.Types.VARCHAR;
			return spec.param(column, null, type);
		}
		return spec.param(column, value);
	}

	/** Filters of the case list. */
	record Filter(String regionPrefix, List<CaseStatus> statuses, String category, UUID gridId, String queuePrefix,
			String assignee, String reporter, boolean overdueOnly, OffsetDateTime from, OffsetDateTime to,
			OffsetDateTime afterReportedAt, UUID afterId, int limit) {
	}

	List<CaseRow> page(Filter f) {
		// the tenant spelled out on every list: see insertReported
		return jdbc.sql("select " + COLUMNS + " from grid_case where tenant_id = :tenant "
				+ "and (cast(:prefix as text) is null or region = :prefix or region like :subtree) "
				+ "and (cast(:statuses as text[]) is null or status = any(cast(:statuses as text[]))) "
				+ "and (cast(:category as text) is null or category_code = :category) "
				+ "and (cast(:grid as uuid) is null or grid_id = :grid) "
				+ "and (cast(:queue as text) is null or queue_region = :queue or queue_region like :queueSubtree) "
				+ "and (cast(:assignee as text) is null or assignee_subject = :assignee) "
				+ "and (cast(:reporter as text) is null or reporter_subject = :reporter) "
				+ "and (not :overdue or (status in ('REPORTED', 'ACCEPTED', 'DISPATCHED') and deadline_at < now())) "
				+ "and (cast(:from as timestamptz) is null or reported_at >= :from) "
				+ "and (cast(:to as timestamptz) is null or reported_at < :to) "
				+ "and (cast(:afterAt as timestamptz) is null or (reported_at, id) < (cast(:afterAt as timestamptz), :afterId)) "
				+ "order by reported_at desc, id desc limit :limit")
			.param("tenant", TenantContext.current())
			.param("prefix", f.regionPrefix(), java.sql.Types.VARCHAR)
			.param("subtree", f.regionPrefix() == null ? null : Regions.subtreePattern(f.regionPrefix()),
					java.sql.Types.VARCHAR)
			.param("statuses", f.statuses() == null ? null : f.statuses().stream().map(Enum::name).toArray(String[]::new),
					java.sql.Types.ARRAY)
			.param("category", f.category(), java.sql.Types.VARCHAR)
			.param("grid", f.gridId(), java.sql.Types.OTHER)
			.param("queue", f.queuePrefix(), java.sql.Types.VARCHAR)
			.param("queueSubtree", f.queuePrefix() == null ? null : Regions.subtreePattern(f.queuePrefix()),
					java.sql.Types.VARCHAR)
			.param("assignee", f.assignee(), java.sql.Types.VARCHAR)
			.param("reporter", f.reporter(), java.sql.Types.VARCHAR)
			.param("overdue", f.overdueOnly())
			.param("from", f.from(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("to", f.to(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("afterAt", f.afterReportedAt(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("afterId", f.afterId(), java.sql.Types.OTHER)
			.param("limit", f.limit())
			.query(CaseRepository::map)
			.list();
	}

	/** Open311 GET requests: by numbers, or by codes, statuses and a reported-at window; newest first. */
	List<CaseRow> open311(List<String> numbers, List<String> categories, List<CaseStatus> statuses,
			OffsetDateTime from, OffsetDateTime to, boolean publicOnly, int limit) {
		return jdbc.sql("select " + COLUMNS + " from grid_case c where c.tenant_id = :tenant "
				+ "and (cast(:numbers as text[]) is null or number = any(cast(:numbers as text[]))) "
				+ "and (cast(:categories as text[]) is null or category_code = any(cast(:categories as text[]))) "
				+ "and (cast(:statuses as text[]) is null or status = any(cast(:statuses as text[]))) "
				+ "and (cast(:from as timestamptz) is null or reported_at >= :from) "
				+ "and (cast(:to as timestamptz) is null or reported_at <= :to) "
				+ "and (not :publicOnly or exists (select 1 from case_category k where k.code = c.category_code "
				+ "and k.public_visible)) order by reported_at desc, id desc limit :limit")
			.param("tenant", TenantContext.current())
			.param("numbers", numbers == null ? null : numbers.toArray(String[]::new), java.sql.Types.ARRAY)
			.param("categories", categories == null ? null : categories.toArray(String[]::new), java.sql.Types.ARRAY)
			.param("statuses", statuses == null ? null : statuses.stream().map(Enum::name).toArray(String[]::new),
					java.sql.Types.ARRAY)
			.param("from", from, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("to", to, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("publicOnly", publicOnly)
			.param("limit", limit)
			.query(CaseRepository::map)
			.list();
	}

	/** The newest suspected duplicates linked to one case (a hot spot must not link hundreds). */
	static final int MAX_CANDIDATES = 20;

	/** The 0.001° cell (about 100 m) of a point. */
	static long cell(double lat, double lng) {
		return (long) Math.floor(lat * 1000) * 1_000_000L + (long) Math.floor(lng * 1000);
	}

	/**
	 * The cells around a point that hold every point within {@code radius} metres: a cell is at least 60 m wide
	 * anywhere in China (0.001° of longitude at 53° N), so one ring of neighbours covers 50 m.
	 */
	static List<Long> cellsAround(double lat, double lng, double radius) {
		long y = (long) Math.floor(lat * 1000);
		long x = (long) Math.floor(lng * 1000);
		int rings = 1 + (int) (radius / 60);
		List<Long> cells = new java.util.ArrayList<>();
		for (long dy = -rings; dy <= rings; dy++) {
			for (long dx = -rings; dx <= rings; dx++) {
				cells.add((y + dy) * 1_000_000L + (x + dx));
			}
		}
		return cells;
	}

	/**
	 * Links the suspected duplicates of an existing case (after its category changed) by the same rule as intake,
	 * their timeline entry now.
	 * @return how many cases lie within the radius (linked now or before)
	 */
	int linkDuplicates(String tenant, UUID caseId, String category, NearbyQuery near) {
		return bindDuplicates(jdbc.sql(RELINK), tenant, caseId, category, near).query(Integer.class).single();
	}

	private static final String RELINK = "with " + DUPLICATES.formatted("clock_timestamp()")
			+ " select count(*)::int from dup";

	/** A linked case as shown: the distance to a tenth of a metre. */
	private static CaseView.LinkedCase linked(UUID id, String number, double meters) {
		return new CaseView.LinkedCase(id, number, Math.round(meters * 10) / 10.0);
	}

	List<CaseView.LinkedCase> links(UUID caseId) {
		return jdbc.sql("select c.id, c.number, l.distance_m from case_link l join grid_case c on c.id = "
				+ "case when l.case_id = :case then l.related_case_id else l.case_id end "
				+ "where l.case_id = :case or l.related_case_id = :case order by l.created_at")
			.param("case", caseId)
			.query((rs, n) -> linked(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3)))
			.list();
	}

	void event(String tenant, UUID caseId, String type, CaseStatus from, CaseStatus to, String actor, String actorKind,
			String note, String data) {
		jdbc.sql("insert into case_event (id, tenant_id, case_id, type, from_status, to_status, actor_subject, "
				+ "actor_kind, note, data) values (:id, :tenant, :case, :type, :from, :to, :actor, :kind, :note, "
				+ "cast(:data as jsonb))")
			.param("id", UUID.randomUUID())
			.param("tenant", tenant)
			.param("case", caseId)
			.param("type", type)
			.param("from", from == null ? null : from.name(), java.sql.Types.VARCHAR)
			.param("to", to == null ? null : to.name(), java.sql.Types.VARCHAR)
			.param("actor", actor)
			.param("kind", actorKind)
			.param("note", note, java.sql.Types.VARCHAR)
			.param("data", data == null ? "{}" : data)
			.update();
	}

	List<CaseEvent> events(UUID caseId) {
		return jdbc.sql("select id, case_id, at, type, from_status, to_status, actor_subject, actor_kind, note, "
				+ "data::text from case_event where case_id = :case order by at, id")
			.param("case", caseId)
			.query(CaseRepository::event)
			.list();
	}

	/** Timeline entries of every case in a window (Open311 service request updates), with the case number. */
	record NumberedEvent(String number, String category, CaseEvent event, CaseStatus statusAt, String modeAt) {
	}

	List<NumberedEvent> eventsBetween(OffsetDateTime from, OffsetDateTime to, boolean publicOnly, int limit) {
		return jdbc.sql("select e.id, e.case_id, e.at, e.type, e.from_status, e.to_status, e.actor_subject, "
				+ "e.actor_kind, e.note, e.data::text, c.number, c.category_code, s.to_status, s.data ->> 'mode' "
				+ "from case_event e join grid_case c on c.id = e.case_id "
				+ "left join lateral (select p.to_status, p.data from case_event p where p.case_id = e.case_id "
				+ "and p.to_status is not null and (p.at, p.id) <= (e.at, e.id) order by p.at desc, p.id desc limit 1) s "
				+ "on true where e.at >= :from and e.at <= :to "
				+ "and e.type not in ('DUPLICATE_SUSPECTED', 'HELPER_ADDED') "
				+ "and (not :publicOnly or exists (select 1 from case_category k where k.code = c.category_code "
				+ "and k.public_visible)) order by e.at, e.id limit :limit")
			.param("from", from)
			.param("to", to)
			.param("publicOnly", publicOnly)
			.param("limit", limit)
			.query((rs, n) -> {
				String statusAt = rs.getString(13);
				return new NumberedEvent(rs.getString(11), rs.getString(12), event(rs, n),
						statusAt == null ? null : CaseStatus.valueOf(statusAt), rs.getString(14));
			})
			.list();
	}

	CaseView.Attachment attachment(String tenant, UUID caseId, AttachmentInput a, String stage, String addedBy) {
		return jdbc.sql("insert into case_attachment (id, tenant_id, case_id, url, name, media_type, stage, added_by) "
				+ "values (:id, :tenant, :case, :url, :name, :type, :stage, :by) "
				+ "returning id, url, name, media_type, stage, added_by, added_at")
			.param("id", UUID.randomUUID())
			.param("tenant", tenant)
			.param("case", caseId)
			.param("url", a.url())
			.param("name", a.name(), java.sql.Types.VARCHAR)
			.param("type", a.mediaType(), java.sql.Types.VARCHAR)
			.param("stage", stage)
			.param("by", addedBy)
			.query((rs, n) -> new CaseView.Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.single();
	}

	List<CaseView.Attachment> attachments(UUID caseId) {
		return jdbc.sql("select id, url, name, media_type, stage, added_by, added_at from case_attachment "
				+ "where case_id = :case order by added_at, id")
			.param("case", caseId)
			.query((rs, n) -> new CaseView.Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.list();
	}

	/** First attachment URL per case (Open311 media_url). */
	Map<UUID, String> firstMedia(Collection<UUID> caseIds) {
		Map<UUID, String> out = new LinkedHashMap<>();
		if (caseIds.isEmpty()) {
			return out;
		}
		jdbc.sql("select distinct on (case_id) case_id, url from case_attachment where case_id in (:ids) "
				+ "order by case_id, added_at, id")
			.param("ids", caseIds)
			.query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		return out;
	}

	boolean addHelper(String tenant, UUID caseId, UUID centralHousehold, UUID member, String name, List<String> roles) {
		return jdbc.sql("insert into case_helper (tenant_id, case_id, central_household_id, member_id, name, roles) "
				+ "values (:tenant, :case, :ch, :member, :name, :roles) on conflict do nothing")
			.param("tenant", tenant)
			.param("case", caseId)
			.param("ch", centralHousehold)
			.param("member", member, java.sql.Types.OTHER)
			.param("name", name, java.sql.Types.VARCHAR)
			.param("roles", roles == null ? new String[0] : roles.toArray(String[]::new))
			.update() == 1;
	}

	List<CaseView.Helper> helpers(UUID caseId) {
		return jdbc.sql("select central_household_id, member_id, name, roles, added_at from case_helper "
				+ "where case_id = :case order by added_at")
			.param("case", caseId)
			.query((rs, n) -> new CaseView.Helper(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), strings(rs.getArray(4)), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/** @return true when this transaction recorded the escalation (false: another replica already did) */
	boolean recordEscalation(String tenant, CaseRow c, int level, String to, OffsetDateTime at) {
		return jdbc.sql("insert into case_escalation (tenant_id, case_id, round, level, from_region, to_region, "
				+ "escalated_at, street_path, community_path, grid_path) values (:tenant, :case, :round, :level, "
				+ ":from, :to, :at, :street, :community, :grid) on conflict do nothing")
			.param("tenant", tenant)
			.param("case", c.id())
			.param("round", c.reopenCount())
			.param("level", level)
			.param("from", c.queueRegion())
			.param("to", to)
			.param("at", at)
			.param("street", c.streetPath(), java.sql.Types.VARCHAR)
			.param("community", c.communityPath(), java.sql.Types.VARCHAR)
			.param("grid", c.gridPath(), java.sql.Types.VARCHAR)
			.update() == 1;
	}

	int escalationCount(UUID caseId) {
		return jdbc.sql("select count(*) from case_escalation where case_id = :case")
			.param("case", caseId)
			.query(Integer.class)
			.single();
	}

	/** An overdue case of some tenant. */
	record Due(String tenant, UUID id) {
	}

	/** Every tenant's overdue open cases: only inside the cross-tenant purpose {@code case-escalation}. */
	List<Due> overdue(OffsetDateTime now, int limit) {
		return jdbc.sql("select tenant_id, id from grid_case where status in ('REPORTED', 'ACCEPTED', 'DISPATCHED') "
				+ "and next_escalation_at is not null and next_escalation_at <= :now order by next_escalation_at "
				+ "limit :limit")
			.param("now", now)
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getString(1), rs.getObject(2, UUID.class)))
			.list();
	}

	Optional<String> reporterPhoneCipher(UUID caseId) {
		return jdbc.sql("select reporter_phone_cipher from grid_case where id = :id")
			.param("id", caseId)
			.query(String.class)
			.optional();
	}

	private static CaseEvent event(ResultSet rs, int n) throws SQLException {
		String from = rs.getString(5);
		String to = rs.getString(6);
		return new CaseEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				rs.getObject(3, OffsetDateTime.class), rs.getString(4), from == null ? null : CaseStatus.valueOf(from),
				to == null ? null : CaseStatus.valueOf(to), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10));
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static CaseRow map(ResultSet rs, int row) throws SQLException {
		String mode = rs.getString("dispatch_mode");
		int rating = rs.getInt("rating");
		boolean rated = !rs.wasNull();
		return new CaseRow(rs.getObject("id", UUID.class), rs.getString("number"),
				Channel.valueOf(rs.getString("channel")), rs.getString("category_code"),
				Priority.valueOf(rs.getString("priority")), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("title"), rs.getString("description"), nullableDouble(rs, "lat"), nullableDouble(rs, "lng"),
				rs.getString("address"), rs.getObject("grid_id", UUID.class), rs.getString("region"),
				rs.getString("street_path"), rs.getString("community_path"), rs.getString("grid_path"),
				rs.getString("queue_region"), rs.getObject("household_id", UUID.class),
				rs.getObject("patrol_id", UUID.class), rs.getString("reporter_subject"), rs.getString("reporter_kind"),
				rs.getString("reporter_name"), rs.getString("reporter_phone_masked"), rs.getString("external_id"),
				rs.getString("attributes"),
				mode == null ? null : DispatchMode.valueOf(mode), rs.getString("assignee_subject"),
				rs.getString("department"), strings(rs.getArray("parties")), rs.getString("helper_lookup"),
				rs.getObject("reported_at", OffsetDateTime.class), rs.getObject("accepted_at", OffsetDateTime.class),
				rs.getObject("dispatched_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class),
				rs.getObject("feedback_at", OffsetDateTime.class), rs.getObject("evaluated_at", OffsetDateTime.class),
				rs.getObject("closed_at", OffsetDateTime.class), rs.getObject("deadline_at", OffsetDateTime.class),
				rs.getObject("next_escalation_at", OffsetDateTime.class), rs.getInt("escalation_level"),
				rs.getInt("reopen_count"), rated ? rating : null, rs.getString("rating_comment"),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
	}
}
