package org.grassroots.grid.casework;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.tenancy.TenantContext;
import org.grassroots.defaults.security.Regions;
import org.grassroots.grid.grids.GridLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalates overdue cases one level up: grid → community → street → district (小事不出网格、大事不出社区). Every replica
 * runs the scan; the database makes it safe:
 * <ol>
 * <li>the scan is the only cross-tenant read of cases: it names itself ({@code case-escalation}) and the table's
 * policy admits that purpose for SELECT only;</li>
 * <li>each case is then escalated in a transaction of its own tenant, with the row locked
 * ({@code FOR UPDATE SKIP LOCKED}: another replica working on it is skipped) and the due time re-checked;</li>
 * <li>the escalation row's primary key (tenant, case, round, level) admits one escalation per case and level
 * whatever happens: a second insert does nothing and the case is left alone.</li>
 * </ol>
 * After escalating, the case gets another SLA period at the new level before the next one.
 */
@Component
public class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private final CaseRepository cases;

	private final Taxonomy taxonomy;

	private final Outbox outbox;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final int batchSize;

	private final Counter escalated;

	Escalations(CaseRepository cases, Taxonomy taxonomy, Outbox outbox, TransactionTemplate tx, JsonMapper json,
			@Value("${grassroots.cases.escalation-batch-size:200}") int batchSize, MeterRegistry meters) {
		this.cases = cases;
		this.taxonomy = taxonomy;
		this.outbox = outbox;
		this.tx = tx;
		this.json = json;
		this.batchSize = batchSize;
		this.escalated = Counter.builder("grassroots.grid.cases.escalated").register(meters);
	}

	@Scheduled(fixedDelayString = "${grassroots.cases.escalation-interval:PT1M}", initialDelayString = "PT30S")
	public void scheduled() {
		try {
			escalateDue(OffsetDateTime.now(ZoneOffset.UTC));
		}
		catch (RuntimeException ex) {
			log.warn("Escalation run failed, retried next time: {}", ex.getMessage());
		}
	}

	/** @return how many cases this run escalated */
	public int escalateDue(OffsetDateTime now) {
		List<CaseRepository.Due> due = TenantContext.callCrossTenant("case-escalation",
				() -> tx.execute(status -> cases.overdue(now, batchSize)));
		int count = 0;
		for (CaseRepository.Due d : due) {
			try {
				Boolean done = TenantContext.callAs(d.tenant(), () -> tx.execute(status -> escalate(d.tenant(), d.id(), now)));
				if (Boolean.TRUE.equals(done)) {
					count++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not escalate case {} of tenant {}: {}", d.id(), d.tenant(), ex.getMessage());
			}
		}
		escalated.increment(count);
		return count;
	}

	/** Inside a transaction of the case's tenant. */
	private boolean escalate(String tenant, UUID id, OffsetDateTime now) {
		CaseRow c = cases.lockIfFree(id).orElse(null);
		if (c == null || !c.status().open() || c.nextEscalationAt() == null || c.nextEscalationAt().isAfter(now)) {
			return false;
		}
		int depth = Regions.depth(c.queueRegion());
		int target = depth >= GridLevel.GRID.depth() ? Regions.COMMUNITY : depth - 1;
		if (target < Regions.DISTRICT) {
			Map<String, Object> none = new LinkedHashMap<>();
			none.put("next_escalation_at", null);
			cases.patch(id, none);
			return false;
		}
		String to = Regions.truncate(c.queueRegion(), target);
		if (!cases.recordEscalation(tenant, c, target, to, now)) {
			// this level was escalated already (by another replica): only make sure we do not look again
			return false;
		}
		int hours = taxonomy.slaHours(c.categoryCode(), c.priority());
		OffsetDateTime next = target > Regions.DISTRICT ? now.plusHours(hours).truncatedTo(ChronoUnit.MICROS) : null;
		Map<String, Object> sets = new LinkedHashMap<>();
		sets.put("queue_region", to);
		sets.put("escalation_level", c.escalationLevel() + 1);
		sets.put("next_escalation_at", next);
		cases.patch(id, sets);
		String level = CaseService.queueLevel(to);
		cases.event(tenant, id, "ESCALATED", null, null, CaseService.SYSTEM, CaseService.SYSTEM, null,
				json.writeValueAsString(CaseService.payload("level", level, "fromRegion", c.queueRegion(),
						"toRegion", to, "nextEscalationAt", next)));
		outbox.append("case.escalated", id.toString(), CaseService.payload("caseId", id, "number", c.number(),
				"category", c.categoryCode(), "level", level, "fromRegion", c.queueRegion(), "toRegion", to,
				"escalatedAt", now, "deadlineAt", c.deadlineAt(), "nextEscalationAt", next));
		log.info("Case {} of tenant {} escalated to {} ({})", c.number(), tenant, level, to);
		return true;
	}
}
