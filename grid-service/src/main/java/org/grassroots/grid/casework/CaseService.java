package org.grassroots.grid.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.grid.clients.member.CentralHouseholds;
import org.grassroots.grid.geo.Geodesy;
import org.grassroots.grid.grids.GridIndex;
import org.grassroots.grid.grids.GridLevel;
import org.grassroots.grid.grids.GridRef;
import org.grassroots.grid.grids.GridService;
import org.grassroots.grid.grids.Located;
import org.grassroots.grid.households.HouseholdRef;
import org.grassroots.grid.households.HouseholdService;
import org.grassroots.grid.households.PersonalData;
import org.grassroots.grid.support.Access;
import org.grassroots.grid.support.Points;
import org.grassroots.defaults.security.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases through the closed loop: intake from every channel (location → grid by point-in-polygon, never lost
 * outside the grids), duplicate suspicion, SLA deadlines, the workflow steps with their timeline and outbox
 * events, central-household helpers from member-service, the one reopening after a poor rating.
 * <p>
 * Remote calls (member-service) happen outside database transactions; every step's state change, timeline entry
 * and event commit together.
 */
@Service
public class CaseService {

	static final String RESOURCE = "民情";

	static final String SYSTEM = "system";

	private static final ZoneId NUMBER_ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final CaseRepository cases;

	private final Taxonomy taxonomy;

	private final GridIndex gridIndex;

	private final GridService grids;

	private final HouseholdService households;

	private final CentralHouseholds centralHouseholds;

	private final PersonalData personal;

	private final PersonalDataAudit audit;

	private final Outbox outbox;

	private final TransactionTemplate tx;

	private final TransactionTemplate readTx;

	private final JsonMapper json;

	private final Clock clock;

	private final double duplicateRadius;

	private final Duration duplicateWindow;

	CaseService(CaseRepository cases, Taxonomy taxonomy, GridIndex gridIndex, GridService grids,
			HouseholdService households, CentralHouseholds centralHouseholds, PersonalData personal,
			PersonalDataAudit audit, Outbox outbox, TransactionTemplate tx, JsonMapper json,
			@Value("${grassroots.cases.duplicate-radius-meters:50}") double duplicateRadius,
			@Value("${grassroots.cases.duplicate-window:PT48H}") Duration duplicateWindow) {
		this.cases = cases;
		this.taxonomy = taxonomy;
		this.gridIndex = gridIndex;
		this.grids = grids;
		this.households = households;
		this.centralHouseholds = centralHouseholds;
		this.personal = personal;
		this.audit = audit;
		this.outbox = outbox;
		this.tx = tx;
		this.readTx = new TransactionTemplate(tx.getTransactionManager());
		this.readTx.setReadOnly(true);
		this.json = json;
		this.clock = Clock.systemUTC();
		this.duplicateRadius = duplicateRadius;
		this.duplicateWindow = duplicateWindow;
	}

	// ---- intake -------------------------------------------------------------------------------------------

	/** The REST door. */
	public Intake.Result report(Caller caller, CaseReport report) {
		Channel channel = report.channel();
		boolean staff = caller.hasAnyRole(Access.CASE_STAFF);
		if ("integrator".equals(caller.kind())) {
			channel = Channel.INTEGRATOR;
		}
		else if (channel == null) {
			channel = staff ? Channel.VISIT : Channel.APP;
		}
		else if (!staff && channel != Channel.APP) {
			throw DomainProblem.invalidField("channel", "channel-not-allowed");
		}
		else if (channel == Channel.INTEGRATOR || channel == Channel.PATROL) {
			// patrol findings come through the patrol, integrator reports with an integrator's credentials
			throw DomainProblem.invalidField("channel", "channel-not-allowed");
		}
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		if (report.attributes() != null) {
			report.attributes().forEach((k, v) -> attributes.put(k, v == null ? List.of() : splitList(v)));
		}
		return intake(caller, new Intake(channel, report.category(), report.priority(), report.title(),
				report.description(), report.lat(), report.lng(), report.address(), report.householdId(),
				report.gridId(), null, report.reporterName(), report.reporterPhone(), report.attachments(), attributes,
				report.externalId()));
	}

	/** Every door ends here. Call outside a transaction: locating the grid may read the database. */
	public Intake.Result intake(Caller caller, Intake in) {
		caller.requireAnyRole(Access.REPORTERS).requireScope("cases:write");
		if (caller.tenant() == null) {
			throw DomainProblem.forbidden();
		}
		if (in.description() == null || in.description().isBlank()) {
			throw DomainProblem.invalidField("description", "required");
		}
		boolean located = Points.require(in.lat(), in.lng(), "lat", "lng", false);
		List<AttachmentInput> attachments = in.attachments() == null ? List.of() : in.attachments();
		String phone = blank(in.reporterPhone()) ? null : PersonalData.normalizePhone(in.reporterPhone(), "reporterPhone");
		// point-in-polygon from memory, before the transaction
		Optional<Located> where = located ? gridIndex.locate(caller.tenant(), in.lat(), in.lng()) : Optional.empty();
		Intake.Result result = tx.execute(status -> {
			if (!blank(in.externalId())) {
				Optional<CaseRow> earlier = cases.findByExternalId(caller.tenant(), caller.subject(),
						in.externalId().strip());
				if (earlier.isPresent()) {
					return new Intake.Result(view(caller, earlier.get(), true), false);
				}
			}
			Category category = taxonomy.requireActive(in.category(), "category");
			String attributes = attributesJson(category, in.attributes());
			HouseholdRef household = null;
			if (in.householdId() != null) {
				household = households.find(in.householdId())
					.orElseThrow(() -> DomainProblem.invalidField("householdId", "unknown-reference"));
			}
			UUID gridId = null;
			String region = caller.tenant();
			if (where.isPresent()) {
				GridRef unit = where.get().grid();
				region = unit.region();
				gridId = (unit.level() == GridLevel.GRID || unit.level() == GridLevel.MICRO_GRID) ? unit.id() : null;
			}
			else if (household != null) {
				region = household.region();
				gridId = household.gridId();
			}
			else if (in.gridId() != null) {
				GridRef grid = grids.find(in.gridId())
					.orElseThrow(() -> DomainProblem.invalidField("gridId", "unknown-reference"));
				region = grid.region();
				gridId = (grid.level() == GridLevel.GRID || grid.level() == GridLevel.MICRO_GRID) ? grid.id() : null;
			}
			Priority priority = category.defaultPriority();
			if (in.priority() != null) {
				if (!caller.hasAnyRole(Access.CASE_STAFF) && !"integrator".equals(caller.kind())) {
					throw DomainProblem.invalidField("priority", "priority-not-allowed");
				}
				priority = in.priority();
			}
			OffsetDateTime now = now();
			OffsetDateTime deadline = now.plusHours(taxonomy.slaHours(category.code(), priority));
			UUID id = UUID.randomUUID();
			// the number's sequence part comes from the database in the insert itself
			String numberPrefix = "MQ" + now.atZoneSameInstant(NUMBER_ZONE).format(NUMBER_DATE) + "-";
			PersonalData.Sealed sealedPhone = personal.phone(phone, "case:" + id + ":reporter_phone");
			String description = in.description().strip();
			String title = blank(in.title()) ? firstChars(description, 30) : in.title().strip();
			// one round trip writes the case, its timeline entry and its case.reported event and finds the duplicate
			// candidates; the event's number is filled in by the database, which makes the number
			CaseRepository.ReportedEvent event = new CaseRepository.ReportedEvent(UUID.randomUUID(), outbox.source(),
					"case.reported", json.writeValueAsString(payload("caseId", id, "number", null, "category",
							category.code(), "channel", in.channel(), "priority", priority, "region", region, "gridId",
							gridId, "householdId", household == null ? null : household.id(), "reportedAt", now,
							"deadlineAt", deadline)));
			CaseRepository.Reported reported = cases.insertReported(caller.tenant(), new CaseRepository.NewCase(id,
					numberPrefix, in.channel(), category.code(), priority, title, description, in.lat(), in.lng(),
					blank(in.address()) ? null : in.address().strip(), gridId, region,
					household == null ? null : household.id(), in.patrolId(), caller.subject(), caller.kind(),
					blank(in.reporterName()) ? null : in.reporterName().strip(),
					sealedPhone == null ? null : sealedPhone.cipher(), sealedPhone == null ? null : sealedPhone.blind(),
					sealedPhone == null ? null : sealedPhone.masked(), blank(in.externalId()) ? null : in.externalId().strip(),
					attributes, now, deadline,
					Regions.depth(region) > Regions.DISTRICT ? deadline : null), event, nearbyQuery(in.lat(), in.lng(), now));
			CaseRow row = reported.row();
			List<CaseView.Attachment> stored = new ArrayList<>();
			for (AttachmentInput attachment : attachments) {
				stored.add(cases.attachment(caller.tenant(), id, attachment, "REPORTED", caller.subject()));
			}
			List<CaseView.LinkedCase> duplicates = reported.duplicates();
			// a new case: no helpers yet, and its duplicates and attachments are the ones just written
			return new Intake.Result(withParts(summary(caller, row, Map.of(category.code(), category.name())), List.of(),
					duplicates, stored), true);
		});
		return result;
	}

	/** Where a new case's duplicate candidates lie: the cells and box around its point, within the window. */
	private CaseRepository.NearbyQuery nearbyQuery(Double lat, Double lng, OffsetDateTime reportedAt) {
		OffsetDateTime since = reportedAt.minus(duplicateWindow);
		if (lat == null || lng == null) {
			// no point, no neighbours: no cell matches
			return new CaseRepository.NearbyQuery(List.of(), 0, 0, 0, 0, since, 0, 0, duplicateRadius);
		}
		double dLat = Geodesy.latDegrees(duplicateRadius);
		double dLng = Geodesy.lngDegrees(duplicateRadius, lat);
		return new CaseRepository.NearbyQuery(CaseRepository.cellsAround(lat, lng, duplicateRadius), lat - dLat,
				lat + dLat, lng - dLng, lng + dLng, since, lat, lng, duplicateRadius);
	}

	// ---- reading ------------------------------------------------------------------------------------------

	/** One case; a helper link left pending while member-service was down is filled in on this read. */
	public CaseView get(Caller caller, UUID id) {
		CaseRow row = readTx.execute(status -> visible(caller, id));
		if ("PENDING".equals(row.helperLookup()) && row.householdId() != null && !caller.isAnonymous()) {
			fillHelper(caller, row);
		}
		return readTx.execute(status -> view(caller, visible(caller, id), true));
	}

	public Page<CaseView> list(Caller caller, List<CaseStatus> statuses, String category, UUID gridId, String queue,
			String mine, Boolean overdue, OffsetDateTime from, OffsetDateTime to, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		Cursor.Keyset<OffsetDateTime> after = Cursor.after(cursor, OffsetDateTime::parse);
		boolean staff = caller.hasAnyRole(Access.CASE_STAFF) || caller.hasRole(Roles.AUDITOR);
		boolean integrator = "integrator".equals(caller.kind());
		String prefix;
		String reporter = null;
		String assignee = null;
		if (staff || integrator) {
			if (integrator) {
				caller.requireScope("cases:read");
			}
			prefix = caller.scopePrefix();
		}
		else {
			caller.requireAnyRole(Access.REPORTERS);
			prefix = null;
			reporter = caller.subject();
		}
		if ("reported".equals(mine)) {
			reporter = caller.subject();
		}
		else if ("assigned".equals(mine)) {
			assignee = caller.subject();
		}
		else if (mine != null) {
			throw DomainProblem.invalidField("mine", "mine-values");
		}
		if (queue != null) {
			Regions.requireInTenant(caller, "queue", queue);
		}
		CaseRepository.Filter filter = new CaseRepository.Filter(prefix, statuses == null || statuses.isEmpty() ? null
				: statuses, category, gridId, queue, assignee, reporter, Boolean.TRUE.equals(overdue), from, to,
				after == null ? null : after.value(), after == null ? null : after.id(), size + 1);
		return readTx.execute(status -> {
			Map<String, String> names = categoryNames();
			List<CaseRow> rows = cases.page(filter);
			Page<CaseRow> page = Page.of(rows, size,
					r -> new Cursor.Keyset<>(r.reportedAt().withOffsetSameInstant(ZoneOffset.UTC), r.id()).encode());
			return new Page<>(page.items().stream().map(r -> summary(caller, r, names)).toList(), page.nextCursor());
		});
	}

	public List<CaseEvent> timeline(Caller caller, UUID id) {
		return readTx.execute(status -> {
			visible(caller, id);
			return cases.events(id);
		});
	}

	/** The reporter's name and phone in plain text for a stated purpose (e.g. a hotline call-back); audited. */
	public Map<String, Object> revealReporter(Caller caller, UUID id, String purpose) {
		caller.requireAnyRole(Access.PLAINTEXT_READERS);
		if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
			throw DomainProblem.invalidField("purpose", "purpose-required");
		}
		return tx.execute(status -> {
			CaseRow row = cases.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
			caller.requireCovers(row.region(), RESOURCE, id);
			String cipher = cases.reporterPhoneCipher(id).orElse(null);
			String phone = cipher == null ? null : personal.decrypt(cipher, "case:" + id + ":reporter_phone");
			if (phone != null) {
				audit.recordPlaintextRead(caller, "case", id.toString(), "reporter_phone", purpose.strip());
			}
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("id", id);
			out.put("name", row.reporterName());
			out.put("phone", phone);
			out.put("purpose", purpose.strip());
			return out;
		});
	}

	// ---- workflow -----------------------------------------------------------------------------------------

	public CaseView accept(Caller caller, UUID id, Long ifMatch, Steps.Acceptance step) {
		return tx.execute(status -> {
			CaseRow c = workable(caller, id);
			requireStatus(c, "accept", CaseStatus.REPORTED);
			Category category = step.category() == null ? taxonomy.find(c.categoryCode()).orElseThrow()
					: taxonomy.requireActive(step.category(), "category");
			Priority priority = step.priority() == null ? c.priority() : step.priority();
			OffsetDateTime deadline = c.reportedAt().plusHours(taxonomy.slaHours(category.code(), priority));
			Map<String, Object> sets = new LinkedHashMap<>();
			sets.put("category_code", category.code());
			sets.put("priority", priority);
			sets.put("accepted_at", now());
			sets.put("deadline_at", deadline);
			if (c.escalationLevel() == 0 && c.nextEscalationAt() != null) {
				sets.put("next_escalation_at", deadline);
			}
			CaseRow row = step(c, List.of(CaseStatus.REPORTED), ifMatch, CaseStatus.ACCEPTED, sets);
			cases.event(caller.tenant(), id, "ACCEPTED", c.status(), CaseStatus.ACCEPTED, caller.subject(),
					caller.kind(), step.note(), data("category", category.code(), "priority", priority));
			if (!category.code().equals(c.categoryCode()) && row.lat() != null) {
				// the window counts from the case's report, as at intake
				cases.linkDuplicates(caller.tenant(), row.id(), row.categoryCode(),
						nearbyQuery(row.lat(), row.lng(), row.reportedAt()));
			}
			return view(caller, row, true);
		});
	}

	public CaseView dispatch(Caller caller, UUID id, Long ifMatch, Steps.DispatchOrder order) {
		switch (order.mode()) {
			case HANDLE_NOW -> {
				if (blank(order.assignee())) {
					throw DomainProblem.invalidField("assignee", "dispatch-assignee-required");
				}
			}
			case ROUTE_TO_DEPARTMENT -> {
				if (blank(order.department())) {
					throw DomainProblem.invalidField("department", "dispatch-department-required");
				}
			}
			case COORDINATION -> {
				if (order.parties() == null || order.parties().size() < 2) {
					throw DomainProblem.invalidField("parties", "dispatch-parties-required");
				}
			}
		}
		CaseRow before = readTx.execute(status -> {
			CaseRow c = workable(caller, id);
			requireStatus(c, "dispatch", CaseStatus.ACCEPTED, CaseStatus.DISPATCHED);
			if (order.householdId() != null && households.find(order.householdId()).isEmpty()) {
				throw DomainProblem.invalidField("householdId", "unknown-reference");
			}
			return c;
		});
		UUID household = order.householdId() != null ? order.householdId() : before.householdId();
		// which central household serves it: asked outside the transaction, the case proceeds whatever the answer
		CentralHouseholds.Lookup lookup = household != null && !"FOUND".equals(before.helperLookup())
				? centralHouseholds.forHousehold(household) : null;
		return tx.execute(status -> {
			Map<String, Object> sets = new LinkedHashMap<>();
			sets.put("dispatch_mode", order.mode());
			sets.put("assignee_subject", blank(order.assignee()) ? null : order.assignee().strip());
			sets.put("department", blank(order.department()) ? null : order.department().strip());
			sets.put("parties", order.parties() == null ? List.of() : order.parties());
			sets.put("dispatched_at", now());
			if (order.householdId() != null) {
				sets.put("household_id", order.householdId());
			}
			if (lookup != null) {
				sets.put("helper_lookup", helperState(lookup));
			}
			CaseRow row = step(before, List.of(CaseStatus.ACCEPTED, CaseStatus.DISPATCHED), ifMatch,
					CaseStatus.DISPATCHED, sets);
			cases.event(caller.tenant(), id, "DISPATCHED", before.status(), CaseStatus.DISPATCHED, caller.subject(),
					caller.kind(), order.note(), data("mode", order.mode(), "assignee", sets.get("assignee_subject"),
							"department", sets.get("department"), "parties", sets.get("parties")));
			UUID helper = lookup != null && lookup.outcome() == CentralHouseholds.Outcome.FOUND
					? addHelper(caller.tenant(), row, lookup) : firstHelper(id);
			outbox.append("case.dispatched", id.toString(), payload("caseId", id, "number", row.number(), "mode",
					order.mode(), "assignee", row.assigneeSubject(), "department", row.department(), "parties",
					row.parties(), "householdId", row.householdId(), "helperCentralHouseholdId", helper,
					"dispatchedAt", row.dispatchedAt()));
			return view(caller, row, true);
		});
	}

	public CaseView resolve(Caller caller, UUID id, Long ifMatch, Steps.Resolution step) {
		return tx.execute(status -> {
			CaseRow c = visible(caller, id);
			boolean assignee = caller.subject().equals(c.assigneeSubject());
			if (!assignee) {
				requireStaff(caller, c);
			}
			requireStatus(c, "resolve", CaseStatus.DISPATCHED);
			CaseRow row = step(c, List.of(CaseStatus.DISPATCHED), ifMatch, CaseStatus.RESOLVED,
					Map.of("resolved_at", now()));
			cases.event(caller.tenant(), id, "RESOLVED", c.status(), CaseStatus.RESOLVED, caller.subject(),
					caller.kind(), step.note(), null);
			if (step.attachments() != null) {
				for (AttachmentInput attachment : step.attachments()) {
					cases.attachment(caller.tenant(), id, attachment, "RESOLVED", caller.subject());
				}
			}
			return view(caller, row, true);
		});
	}

	public CaseView feedback(Caller caller, UUID id, Long ifMatch, Steps.Feedback step) {
		return tx.execute(status -> {
			CaseRow c = workable(caller, id);
			requireStatus(c, "feedback", CaseStatus.RESOLVED);
			CaseRow row = step(c, List.of(CaseStatus.RESOLVED), ifMatch, CaseStatus.FEEDBACK,
					Map.of("feedback_at", now()));
			cases.event(caller.tenant(), id, "FEEDBACK", c.status(), CaseStatus.FEEDBACK, caller.subject(),
					caller.kind(), step.note(), data("method", step.method()));
			return view(caller, row, true);
		});
	}

	/** The reporter rates (or staff record a rating given by phone, or the integrator relays it). */
	public CaseView evaluate(Caller caller, UUID id, Long ifMatch, Steps.Evaluation step) {
		return tx.execute(status -> {
			CaseRow c = visible(caller, id);
			boolean reporter = caller.subject().equals(c.reporterSubject());
			boolean integrator = "integrator".equals(caller.kind());
			if (integrator) {
				caller.requireScope("cases:write");
			}
			else if (!reporter) {
				requireStaff(caller, c);
			}
			requireStatus(c, "evaluate", CaseStatus.FEEDBACK);
			OffsetDateTime now = now();
			String comment = blank(step.comment()) ? null : step.comment().strip();
			if (step.rating() <= 2 && c.reopenCount() == 0) {
				// dissatisfied: back to work once, with a fresh deadline, at the unit where it started
				int hours = taxonomy.slaHours(c.categoryCode(), c.priority());
				OffsetDateTime deadline = now.plusHours(hours);
				Map<String, Object> sets = new LinkedHashMap<>();
				sets.put("reopen_count", 1);
				sets.put("queue_region", c.region());
				sets.put("escalation_level", 0);
				sets.put("deadline_at", deadline);
				sets.put("next_escalation_at", Regions.depth(c.region()) > Regions.DISTRICT ? deadline : null);
				sets.put("dispatched_at", null);
				sets.put("resolved_at", null);
				sets.put("feedback_at", null);
				sets.put("rating", null);
				sets.put("rating_comment", null);
				CaseRow row = step(c, List.of(CaseStatus.FEEDBACK), ifMatch, CaseStatus.ACCEPTED, sets);
				cases.event(caller.tenant(), id, "EVALUATED", c.status(), CaseStatus.EVALUATED, caller.subject(),
						caller.kind(), comment, data("rating", step.rating()));
				cases.event(caller.tenant(), id, "REOPENED", CaseStatus.EVALUATED, CaseStatus.ACCEPTED, SYSTEM, SYSTEM,
						null, data("rating", step.rating(), "deadlineAt", deadline));
				return view(caller, row, true);
			}
			Map<String, Object> sets = new LinkedHashMap<>();
			sets.put("rating", step.rating());
			sets.put("rating_comment", comment);
			sets.put("evaluated_at", now);
			CaseRow row = step(c, List.of(CaseStatus.FEEDBACK), ifMatch, CaseStatus.EVALUATED, sets);
			cases.event(caller.tenant(), id, "EVALUATED", c.status(), CaseStatus.EVALUATED, caller.subject(),
					caller.kind(), comment, data("rating", step.rating()));
			return view(caller, row, true);
		});
	}

	public CaseView close(Caller caller, UUID id, Long ifMatch, Steps.Closure step) {
		CaseRow before = readTx.execute(status -> {
			CaseRow c = workable(caller, id);
			requireStatus(c, "close", CaseStatus.EVALUATED);
			return c;
		});
		if ("PENDING".equals(before.helperLookup()) && before.householdId() != null) {
			// last chance for the helper link before case.closed tells member-service who helped
			fillHelper(caller, before);
		}
		return tx.execute(status -> {
			CaseRow c = cases.find(id).orElseThrow();
			CaseRow row = step(c, List.of(CaseStatus.EVALUATED), ifMatch, CaseStatus.CLOSED,
					Map.of("closed_at", now()));
			cases.event(caller.tenant(), id, "CLOSED", c.status(), CaseStatus.CLOSED, caller.subject(), caller.kind(),
					step.note(), null);
			outbox.append("case.closed", id.toString(), payload("caseId", id, "householdId", row.householdId(),
					"helperCentralHouseholdId", firstHelper(id), "category", row.categoryCode(), "closedAt",
					row.closedAt(), "rating", row.rating()));
			return view(caller, row, true);
		});
	}

	public CaseEvent note(Caller caller, UUID id, Steps.Note note) {
		return tx.execute(status -> {
			CaseRow c = visible(caller, id);
			if (!caller.subject().equals(c.reporterSubject()) && !"integrator".equals(caller.kind())) {
				requireStaff(caller, c);
			}
			if ("integrator".equals(caller.kind())) {
				caller.requireScope("cases:write");
			}
			cases.event(caller.tenant(), id, "NOTE", null, null, caller.subject(), caller.kind(), note.note().strip(),
					null);
			List<CaseEvent> events = cases.events(id);
			return events.get(events.size() - 1);
		});
	}

	public List<CaseView.Attachment> attach(Caller caller, UUID id, Steps.Attachments attachments) {
		return tx.execute(status -> {
			CaseRow c = visible(caller, id);
			if (!caller.subject().equals(c.reporterSubject())) {
				requireStaff(caller, c);
			}
			if (c.status() == CaseStatus.CLOSED) {
				throw illegal(c, "attach");
			}
			for (AttachmentInput a : attachments.attachments()) {
				cases.attachment(caller.tenant(), id, a, c.status().name(), caller.subject());
			}
			cases.event(caller.tenant(), id, "ATTACHMENT", null, null, caller.subject(), caller.kind(), null,
					data("count", attachments.attachments().size()));
			return cases.attachments(id);
		});
	}

	// ---- helpers from member-service ----------------------------------------------------------------------

	/** Asks member-service again for a case whose helper lookup is pending, and records the answer. */
	void fillHelper(Caller caller, CaseRow row) {
		CentralHouseholds.Lookup lookup = centralHouseholds.forHousehold(row.householdId());
		if (lookup.outcome() == CentralHouseholds.Outcome.UNAVAILABLE) {
			return;
		}
		tx.executeWithoutResult(status -> {
			CaseRow current = cases.find(row.id()).orElseThrow();
			if (!"PENDING".equals(current.helperLookup())) {
				return;
			}
			cases.patch(row.id(), Map.of("helper_lookup", helperState(lookup)));
			if (lookup.outcome() == CentralHouseholds.Outcome.FOUND) {
				addHelper(caller.tenant(), current, lookup);
			}
		});
	}

	private UUID addHelper(String tenant, CaseRow row, CentralHouseholds.Lookup lookup) {
		var link = lookup.link();
		if (cases.addHelper(tenant, row.id(), link.centralHouseholdId(), link.memberId(), link.name(), link.roles())) {
			cases.event(tenant, row.id(), "HELPER_ADDED", null, null, SYSTEM, SYSTEM, null,
					data("centralHouseholdId", link.centralHouseholdId(), "name", link.name()));
		}
		return link.centralHouseholdId();
	}

	private UUID firstHelper(UUID caseId) {
		List<CaseView.Helper> helpers = cases.helpers(caseId);
		return helpers.isEmpty() ? null : helpers.get(0).centralHouseholdId();
	}

	private static String helperState(CentralHouseholds.Lookup lookup) {
		return switch (lookup.outcome()) {
			case FOUND -> "FOUND";
			case NONE -> "NONE";
			case UNAVAILABLE -> "PENDING";
		};
	}

	// ---- for Open311 and patrols --------------------------------------------------------------------------

	/** A case by number (Open311 service_request_id) or id, as the caller may see it. */
	public Optional<CaseView> findForOpen311(Caller caller, String numberOrId, boolean publicOnly) {
		return readTx.execute(status -> {
			Optional<CaseRow> row = cases.findByNumber(numberOrId);
			if (row.isEmpty()) {
				try {
					row = cases.find(UUID.fromString(numberOrId));
				}
				catch (IllegalArgumentException ex) {
					// not an id either
				}
			}
			return row.filter(r -> !publicOnly || isPublic(r.categoryCode())).map(r -> view(caller, r, false));
		});
	}

	/** Open311 tokens are case ids: the request exists as soon as it is accepted. */
	public Optional<CaseView> findByToken(Caller caller, String token) {
		UUID id;
		try {
			id = UUID.fromString(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return readTx.execute(status -> cases.find(id)
			.filter(r -> !caller.isAnonymous() || isPublic(r.categoryCode()))
			.map(r -> view(caller, r, false)));
	}

	/** Open311 GET requests. */
	public List<CaseView> open311Requests(Caller caller, List<String> numbers, List<String> categories,
			List<CaseStatus> statuses, OffsetDateTime from, OffsetDateTime to, boolean publicOnly, int limit) {
		return readTx.execute(status -> {
			Map<String, String> names = categoryNames();
			return cases.open311(numbers, categories, statuses, from, to, publicOnly, limit)
				.stream()
				.map(r -> summary(caller, r, names))
				.toList();
		});
	}

	/** First attachment per case. */
	public Map<UUID, String> firstMedia(List<UUID> ids) {
		return readTx.execute(status -> cases.firstMedia(ids));
	}

	/** Timeline entries of all cases in a window, with the case number and category. */
	public List<NumberedEvent> updates(OffsetDateTime from, OffsetDateTime to, boolean publicOnly, int limit) {
		return readTx.execute(status -> cases.eventsBetween(from, to, publicOnly, limit)
			.stream()
			.map(e -> new NumberedEvent(e.number(), e.category(), e.event(), e.statusAt(),
					e.modeAt() == null ? null : DispatchMode.valueOf(e.modeAt())))
			.toList());
	}

	/**
	 * A timeline entry with its case number, and the case's status (and dispatch mode) right after it.
	 */
	public record NumberedEvent(String number, String category, CaseEvent event, CaseStatus statusAt,
			DispatchMode modeAt) {
	}

	private boolean isPublic(String category) {
		return taxonomy.find(category).map(Category::publicVisible).orElse(false);
	}

	// ---- shared -------------------------------------------------------------------------------------------

	private CaseRow visible(Caller caller, UUID id) {
		CaseRow row = cases.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		boolean staff = (caller.hasAnyRole(Access.CASE_STAFF) || caller.hasRole(Roles.AUDITOR))
				&& caller.covers(row.region());
		boolean integrator = "integrator".equals(caller.kind())
				&& (caller.scopes().contains("cases:read") || caller.scopes().contains("cases:write"));
		boolean reporter = caller.subject() != null && caller.subject().equals(row.reporterSubject())
				&& !caller.isAnonymous();
		if (!staff && !integrator && !reporter) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		return row;
	}

	private CaseRow workable(Caller caller, UUID id) {
		CaseRow row = visible(caller, id);
		requireStaff(caller, row);
		return row;
	}

	private static void requireStaff(Caller caller, CaseRow row) {
		caller.requireAnyRole(Access.CASE_STAFF);
		caller.requireCovers(row.region(), RESOURCE, row.id());
	}

	private static void requireStatus(CaseRow c, String action, CaseStatus... allowed) {
		for (CaseStatus status : allowed) {
			if (c.status() == status) {
				return;
			}
		}
		throw illegal(c, action);
	}

	private static DomainProblem illegal(CaseRow c, String action) {
		return DomainProblem.conflict("case-transition-illegal", action, c.status());
	}

	/** Applies a step atomically; a concurrent step or a stale If-Match makes it fail clearly. */
	private CaseRow step(CaseRow c, List<CaseStatus> from, Long ifMatch, CaseStatus to, Map<String, Object> sets) {
		Optional<CaseRow> row = cases.transition(c.id(), from, ifMatch, to, sets);
		if (row.isPresent()) {
			return row.get();
		}
		CaseRow now = cases.find(c.id()).orElseThrow(() -> DomainProblem.notFound(RESOURCE, c.id()));
		if (ifMatch != null && now.version() != ifMatch) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
		throw illegal(now, to.name().toLowerCase(java.util.Locale.ROOT));
	}

	private Map<String, String> categoryNames() {
		Map<String, String> names = new HashMap<>();
		taxonomy.all().forEach(c -> names.put(c.code(), c.name()));
		return names;
	}

	private CaseView view(Caller caller, CaseRow r, boolean detail) {
		Map<String, String> names = new HashMap<>();
		taxonomy.find(r.categoryCode()).ifPresent(c -> names.put(c.code(), c.name()));
		CaseView base = summary(caller, r, names);
		if (!detail) {
			return base;
		}
		return withParts(base, cases.helpers(r.id()), cases.links(r.id()), cases.attachments(r.id()));
	}

	private static CaseView withParts(CaseView base, List<CaseView.Helper> helpers, List<CaseView.LinkedCase> links,
			List<CaseView.Attachment> attachments) {
		return new CaseView(base.id(), base.number(), base.channel(), base.category(), base.priority(), base.status(),
				base.title(), base.description(), base.location(), base.address(), base.gridId(), base.region(),
				base.queueRegion(), base.queueLevel(), base.householdId(), base.patrolId(), base.reporter(),
				base.dispatch(), helpers, base.helperLookup(), links, attachments, base.attributes(), base.reportedAt(),
				base.acceptedAt(), base.dispatchedAt(), base.resolvedAt(), base.feedbackAt(), base.evaluatedAt(),
				base.closedAt(), base.deadlineAt(), base.overdue(), base.escalationLevel(), base.reopenCount(),
				base.rating(), base.ratingComment(), base.updatedAt(), base.version());
	}

	private CaseView summary(Caller caller, CaseRow r, Map<String, String> names) {
		boolean seesReporter = (caller.hasAnyRole(Access.CASE_STAFF) && caller.covers(r.region()))
				|| "integrator".equals(caller.kind()) || (caller.subject() != null
						&& caller.subject().equals(r.reporterSubject()) && !caller.isAnonymous());
		CaseView.Reporter reporter = seesReporter ? new CaseView.Reporter(r.reporterSubject(), r.reporterKind(),
				r.reporterName(), r.reporterPhoneMasked()) : null;
		CaseView.Dispatch dispatch = r.dispatchMode() == null ? null : new CaseView.Dispatch(r.dispatchMode(),
				r.assigneeSubject(), r.department(), r.parties().isEmpty() ? null : r.parties());
		boolean overdue = r.status().open() && r.deadlineAt().isBefore(now());
		return new CaseView(r.id(), r.number(), r.channel(),
				new CaseView.CategoryRef(r.categoryCode(), names.getOrDefault(r.categoryCode(), r.categoryCode())),
				r.priority(), r.status(), r.title(), r.description(),
				r.lat() == null ? null : new CaseView.Location(r.lat(), r.lng()), r.address(), r.gridId(), r.region(),
				r.queueRegion(), queueLevel(r.queueRegion()), r.householdId(), r.patrolId(), reporter, dispatch, null,
				r.helperLookup(), null, null, r.attributes(), r.reportedAt(), r.acceptedAt(), r.dispatchedAt(),
				r.resolvedAt(), r.feedbackAt(), r.evaluatedAt(), r.closedAt(), r.deadlineAt(), overdue,
				r.escalationLevel(), r.reopenCount(), r.rating(), r.ratingComment(), r.updatedAt(), r.version());
	}

	static String queueLevel(String region) {
		return switch (Regions.depth(region)) {
			case 1 -> "DISTRICT";
			case 2 -> "STREET";
			case 3 -> "COMMUNITY";
			default -> "GRID";
		};
	}

	private String attributesJson(Category category, Map<String, List<String>> given) {
		Map<String, Object> out = new LinkedHashMap<>();
		Map<String, List<String>> answers = given == null ? Map.of() : given;
		Map<String, CategoryAttribute> byCode = new HashMap<>();
		category.attributes().forEach(a -> byCode.put(a.code(), a));
		for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
			CategoryAttribute attribute = byCode.get(answer.getKey());
			String field = "attributes." + answer.getKey();
			if (attribute == null) {
				throw DomainProblem.invalidField(field, "attribute-unknown");
			}
			List<String> values = answer.getValue().stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
			if (values.isEmpty()) {
				continue;
			}
			if (attribute.isList()) {
				for (String value : values) {
					if (attribute.values().stream().noneMatch(v -> v.key().equals(value))) {
						throw DomainProblem.invalidField(field, "attribute-value", value);
					}
				}
				if ("singlevaluelist".equals(attribute.datatype()) && values.size() > 1) {
					throw DomainProblem.invalidField(field, "attribute-single");
				}
			}
			else if ("number".equals(attribute.datatype())) {
				try {
					Double.parseDouble(values.get(0));
				}
				catch (NumberFormatException ex) {
					throw DomainProblem.invalidField(field, "attribute-number");
				}
			}
			else if ("datetime".equals(attribute.datatype())) {
				try {
					OffsetDateTime.parse(values.get(0));
				}
				catch (RuntimeException ex) {
					throw DomainProblem.invalidField(field, "attribute-datetime");
				}
			}
			out.put(answer.getKey(), "multivaluelist".equals(attribute.datatype()) ? values : values.get(0));
		}
		for (CategoryAttribute attribute : category.attributes()) {
			if (attribute.required() && !out.containsKey(attribute.code())) {
				throw DomainProblem.invalidField("attributes." + attribute.code(), "attribute-required");
			}
		}
		return json.writeValueAsString(out);
	}

	private String data(Object... pairs) {
		return json.writeValueAsString(payload(pairs));
	}

	/** An ordered map that allows null values (event data says "null" explicitly). */
	static Map<String, Object> payload(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			map.put((String) pairs[i], value instanceof Enum<?> e ? e.name() : value);
		}
		return map;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	private static List<String> splitList(String value) {
		List<String> out = new ArrayList<>();
		for (String part : value.split(",")) {
			if (!part.isBlank()) {
				out.add(part.strip());
			}
		}
		return out;
	}

	private static String firstChars(String text, int n) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.codePointCount(0, oneLine.length()) <= n ? oneLine
				: oneLine.substring(0, oneLine.offsetByCodePoints(0, n)) + "…";
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
