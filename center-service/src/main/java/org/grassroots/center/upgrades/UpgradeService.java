package org.grassroots.center.upgrades;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.grassroots.center.centers.CenterRef;
import org.grassroots.center.centers.Centers;
import org.grassroots.center.settings.TenantZones;
import org.grassroots.center.support.Access;
import org.grassroots.defaults.security.Regions;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upgrade tasks (三个一批). The district plans them per street; the street signs off each month's milestone when it
 * is met, never ahead of its month; streets and communities propose candidate sites; progress is reported per
 * street.
 */
@Service
public class UpgradeService {

	static final String RESOURCE = "提升任务";

	static final String[] SIGNERS = { Roles.TENANT_ADMIN, Roles.STREET_STAFF };

	private final UpgradeRepository tasks;

	private final Centers centers;

	private final TenantZones zones;

	UpgradeService(UpgradeRepository tasks, Centers centers, TenantZones zones) {
		this.tasks = tasks;
		this.centers = centers;
		this.zones = zones;
	}

	@Transactional
	public UpgradeTask create(Caller caller, UpgradeRequests.TaskDraft draft) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		Regions.requireWritable(caller, "region", draft.region());
		String street = Regions.truncate(draft.region(), Regions.STREET);
		if (street == null) {
			throw DomainProblem.invalidField("region", "task-region-street");
		}
		if (draft.centerId() != null) {
			CenterRef center = centers.require(caller, draft.centerId());
			if (!Regions.within(center.region(), street)) {
				throw DomainProblem.invalidField("centerId", "task-center-elsewhere");
			}
		}
		else if (draft.batch() != UpgradeTask.Batch.NEW_BUILD) {
			throw DomainProblem.invalidField("centerId", "task-center-required");
		}
		Set<YearMonth> months = new HashSet<>();
		UUID id = UUID.randomUUID();
		tasks.insertTask(caller.tenant(), id, draft, street, caller.subject());
		for (int i = 0; i < draft.milestones().size(); i++) {
			UpgradeRequests.MilestoneDraft m = draft.milestones().get(i);
			YearMonth month = YearMonth.parse(m.month());
			if (!months.add(month)) {
				throw DomainProblem.invalidField("milestones[" + i + "].month", "task-month-duplicate");
			}
			tasks.insertMilestone(caller.tenant(), id, month, m.goal().strip());
		}
		return assemble(List.of(tasks.find(id).orElseThrow())).get(0);
	}

	@Transactional(readOnly = true)
	public UpgradeTask get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.READERS);
		return assemble(List.of(visible(caller, id, false))).get(0);
	}

	@Transactional(readOnly = true)
	public Page<UpgradeTask> list(Caller caller, String region, Integer year, UpgradeTask.Batch batch, Integer limit,
			String cursor) {
		caller.requireAnyRole(Access.READERS);
		String prefix = prefix(caller, region);
		if (prefix == null) {
			return new Page<>(List.of(), null);
		}
		int size = Cursor.limit(limit);
		Page<UpgradeRepository.TaskRow> rows = Page.of(tasks.page(prefix, year, batch, Cursor.afterId(cursor), size + 1),
				size, t -> t.id().toString());
		return new Page<>(assemble(rows.items()), rows.nextCursor());
	}

	/** 一月一销号: sign off the milestone of a month that has come (not a future one), once. */
	@Transactional
	public UpgradeTask signOff(Caller caller, UUID id, String month, UpgradeRequests.SignOff request) {
		caller.requireAnyRole(SIGNERS);
		UpgradeRepository.TaskRow task = visible(caller, id, true);
		YearMonth ym;
		try {
			ym = YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw DomainProblem.invalidField("month", "task-month-format");
		}
		List<UpgradeRepository.MilestoneRow> milestones = tasks.milestones(List.of(id));
		UpgradeRepository.MilestoneRow milestone = milestones.stream()
			.filter(m -> m.month().equals(ym))
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("月度节点", month));
		if (milestone.signedOffAt() != null) {
			throw DomainProblem.conflict("milestone-signed-off", month);
		}
		if (ym.isAfter(YearMonth.from(zones.now()))) {
			throw DomainProblem.conflict("milestone-not-due", month);
		}
		if (tasks.signOff(id, ym, caller.subject(), request == null ? null : request.note()) != 1) {
			throw DomainProblem.conflict("milestone-signed-off", month);
		}
		long open = milestones.stream().filter(m -> m.signedOffAt() == null && !m.month().equals(ym)).count();
		tasks.touch(id, open == 0 ? UpgradeTask.Status.COMPLETED : task.status());
		return assemble(List.of(tasks.find(id).orElseThrow())).get(0);
	}

	@Transactional
	public UpgradeTask addSite(Caller caller, UUID id, UpgradeRequests.SiteDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		visible(caller, id, true);
		draft.location().requireInChina("location");
		if ((draft.mode() == UpgradeTask.SiteMode.LEASE) != (draft.leasedAreaM2() != null)) {
			throw DomainProblem.invalidField("leasedAreaM2", "site-leased-area");
		}
		tasks.insertSite(caller.tenant(), UUID.randomUUID(), id, draft);
		tasks.touch(id, tasks.find(id).orElseThrow().status());
		return assemble(List.of(tasks.find(id).orElseThrow())).get(0);
	}

	@Transactional
	public UpgradeTask decideSite(Caller caller, UUID id, UUID siteId, UpgradeRequests.SiteDecision decision) {
		caller.requireAnyRole(SIGNERS);
		visible(caller, id, true);
		if (tasks.decideSite(id, siteId, decision.status()) != 1) {
			throw DomainProblem.notFound("备选点位", siteId);
		}
		tasks.touch(id, tasks.find(id).orElseThrow().status());
		return assemble(List.of(tasks.find(id).orElseThrow())).get(0);
	}

	/** Progress per street of a year's tasks in the caller's region (or the given one). */
	@Transactional(readOnly = true)
	public List<StreetProgress> progress(Caller caller, int year, String region) {
		caller.requireAnyRole(Access.READERS);
		String prefix = prefix(caller, region);
		if (prefix == null) {
			return List.of();
		}
		List<UpgradeTask> all = assemble(tasks.ofYear(prefix, year));
		Map<String, List<UpgradeTask>> byStreet = new LinkedHashMap<>();
		for (UpgradeTask task : all) {
			byStreet.computeIfAbsent(task.street(), s -> new ArrayList<>()).add(task);
		}
		List<StreetProgress> out = new ArrayList<>();
		byStreet.forEach((street, list) -> {
			Map<UpgradeTask.Batch, Integer> batches = new EnumMap<>(UpgradeTask.Batch.class);
			for (UpgradeTask.Batch b : UpgradeTask.Batch.values()) {
				batches.put(b, 0);
			}
			int completed = 0;
			int milestones = 0;
			int signed = 0;
			int overdue = 0;
			int sites = 0;
			int selected = 0;
			BigDecimal leased = BigDecimal.ZERO;
			for (UpgradeTask t : list) {
				batches.merge(t.batch(), 1, Integer::sum);
				completed += t.status() == UpgradeTask.Status.COMPLETED ? 1 : 0;
				milestones += t.milestones().size();
				signed += (int) t.milestones().stream().filter(m -> m.signedOffAt() != null).count();
				overdue += (int) t.milestones().stream().filter(UpgradeTask.Milestone::overdue).count();
				for (UpgradeTask.CandidateSite site : t.candidateSites()) {
					sites++;
					if (site.status() == UpgradeTask.SiteStatus.SELECTED) {
						selected++;
					}
					if (site.leasedAreaM2() != null && site.status() != UpgradeTask.SiteStatus.REJECTED) {
						leased = leased.add(site.leasedAreaM2());
					}
				}
			}
			out.add(new StreetProgress(street, list.size(), batches, completed, milestones, signed, overdue, sites,
					selected, leased));
		});
		return out;
	}

	/** Candidate sites (not rejected) of the tasks in a region, for the coverage analysis. */
	@Transactional(readOnly = true)
	public List<UpgradeTask.CandidateSite> openSites(String regionPrefix) {
		return tasks.openSites(regionPrefix);
	}

	private String prefix(Caller caller, String region) {
		if (region == null || region.isBlank()) {
			return caller.scopePrefix();
		}
		Regions.requireInTenant(caller, "region", region);
		return caller.covers(region) ? region : null;
	}

	private UpgradeRepository.TaskRow visible(Caller caller, UUID id, boolean lock) {
		UpgradeRepository.TaskRow task = (lock ? tasks.lock(id) : tasks.find(id))
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(task.region(), RESOURCE, id);
		return task;
	}

	private List<UpgradeTask> assemble(List<UpgradeRepository.TaskRow> rows) {
		List<UUID> ids = rows.stream().map(UpgradeRepository.TaskRow::id).toList();
		Map<UUID, List<UpgradeTask.Milestone>> milestones = new LinkedHashMap<>();
		YearMonth current = YearMonth.from(zones.now());
		for (UpgradeRepository.MilestoneRow m : tasks.milestones(ids)) {
			milestones.computeIfAbsent(m.taskId(), k -> new ArrayList<>())
				.add(new UpgradeTask.Milestone(m.month(), m.goal(), m.signedOffAt(), m.signedOffBy(), m.note(),
						m.signedOffAt() == null && m.month().isBefore(current)));
		}
		Map<UUID, List<UpgradeTask.CandidateSite>> sites = new LinkedHashMap<>();
		for (UpgradeRepository.SiteRow s : tasks.sites(ids)) {
			sites.computeIfAbsent(s.taskId(), k -> new ArrayList<>()).add(s.site());
		}
		return rows.stream()
			.map(t -> new UpgradeTask(t.id(), t.batch(), t.title(), t.region(), t.street(), t.centerId(), t.year(),
					t.status(), milestones.getOrDefault(t.id(), List.of()), sites.getOrDefault(t.id(), List.of()),
					t.createdBy(), t.createdAt(), t.updatedAt(), t.version()))
			.toList();
	}

}
