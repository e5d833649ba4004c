package org.grassroots.member.worklogs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.grassroots.defaults.events.EventEnvelope;
import org.grassroots.defaults.events.EventHandler;
import org.grassroots.defaults.events.EventStreams;
import org.grassroots.member.support.TenantClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credits the helper central household of a closed grid case with a CASE_HELP work-log entry. Exactly once: the
 * runner records the event id in the inbox in the same transaction (the same event twice is one entry), and the
 * work log is unique per (central household, case id) (a case closed again, under a new event id, still counts
 * once; a rating given later is kept). Events that cannot be credited (no helper, an unknown central household,
 * malformed data) are acknowledged and logged: redelivery would not change them.
 */
@Component
class CaseClosedHandler implements EventHandler {

	static final String GROUP = "member-service.case-closed-credit";

	private static final Logger log = LoggerFactory.getLogger(CaseClosedHandler.class);

	private final WorkLogRepository logs;

	private final JsonMapper json;

	private final TenantClock clock;

	CaseClosedHandler(WorkLogRepository logs, JsonMapper json, TenantClock clock) {
		this.logs = logs;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String group() {
		return GROUP;
	}

	@Override
	public String stream() {
		return EventStreams.of("grid-service");
	}

	@Override
	public boolean accepts(String type) {
		return "case.closed".equals(type);
	}

	@Override
	public void handle(EventEnvelope event) {
		JsonNode data;
		try {
			data = json.readTree(event.data() == null ? "{}" : event.data());
		}
		catch (JacksonException ex) {
			log.warn("case.closed {} has unreadable data: not credited", event.id());
			return;
		}
		UUID helper = uuid(data, "helperCentralHouseholdId");
		if (helper == null) {
			return;
		}
		String caseId = text(data, "caseId");
		if (caseId == null || caseId.length() > 100) {
			log.warn("case.closed {} has no usable caseId: not credited", event.id());
			return;
		}
		if (!logs.centralHouseholdExists(helper)) {
			log.warn("case.closed {} names central household {} unknown in tenant {}: not credited", event.id(), helper,
					event.tenant());
			return;
		}
		LocalDate closedOn = closedOn(data, event);
		Integer rating = null;
		JsonNode r = data.path("rating");
		if (r.isIntegralNumber() && r.asInt() >= 1 && r.asInt() <= 5) {
			rating = r.asInt();
		}
		String category = text(data, "category");
		if (category != null && category.length() > 100) {
			category = category.substring(0, 100);
		}
		boolean fresh = logs.creditCase(event.tenant(), helper, caseId, category, closedOn, uuid(data, "householdId"),
				rating, event.id());
		log.debug("case {} credited to central household {} ({})", caseId, helper, fresh ? "new" : "already credited");
	}

	private LocalDate closedOn(JsonNode data, EventEnvelope event) {
		String closedAt = text(data, "closedAt");
		try {
			if (closedAt != null) {
				return clock.dateOf(OffsetDateTime.parse(closedAt));
			}
		}
		catch (RuntimeException ex) {
			// fall back to the event's time
		}
		return event.time() == null ? clock.today() : clock.dateOf(event.time());
	}

	private static String text(JsonNode data, String field) {
		JsonNode node = data.path(field);
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		String value = node.asString().strip();
		return value.isEmpty() ? null : value;
	}

	private static UUID uuid(JsonNode data, String field) {
		String value = text(data, field);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
