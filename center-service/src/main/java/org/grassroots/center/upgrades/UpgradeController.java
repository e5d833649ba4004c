package org.grassroots.center.upgrades;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/upgrade-tasks")
@Tag(name = "提升任务 Upgrade tasks")
class UpgradeController {

	private final UpgradeService service;

	UpgradeController(UpgradeService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "下达任务 Create an upgrade task",
			description = "Tenant admins; batch DEMONSTRATION / UPGRADE / NEW_BUILD, region at or below a street, "
					+ "monthly milestones.")
	ResponseEntity<UpgradeTask> create(Caller caller, @Valid @RequestBody UpgradeRequests.TaskDraft draft) {
		UpgradeTask task = service.create(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/upgrade-tasks/" + task.id())).body(task);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看任务 Get a task with milestones and candidate sites")
	UpgradeTask get(Caller caller, @PathVariable UUID id) {
		return service.get(caller, id);
	}

	@GetMapping
	@Operation(summary = "任务列表 Tasks in your region", description = "Filters region, year, batch; cursor pagination.")
	Page<UpgradeTask> list(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) UpgradeTask.Batch batch,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, region, year, batch, limit, cursor);
	}

	@PostMapping("/{id}/milestones/{month}/sign-off")
	@Operation(summary = "月度销号 Sign off a month's milestone",
			description = "Street staff or tenant admins; 409 when already signed off or the month has not come.")
	UpgradeTask signOff(Caller caller, @PathVariable UUID id, @PathVariable String month,
			@Valid @RequestBody(required = false) UpgradeRequests.SignOff request) {
		return service.signOff(caller, id, month, request);
	}

	@PostMapping("/{id}/candidate-sites")
	@Operation(summary = "新增备选点位 Propose a candidate site", description = "VACATE / LEASE (with leasedAreaM2) / BUILD.")
	ResponseEntity<UpgradeTask> addSite(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody UpgradeRequests.SiteDraft draft) {
		return ResponseEntity.status(201).body(service.addSite(caller, id, draft));
	}

	@PostMapping("/{id}/candidate-sites/{siteId}/decision")
	@Operation(summary = "确定点位 Select or reject a candidate site")
	UpgradeTask decideSite(Caller caller, @PathVariable UUID id, @PathVariable UUID siteId,
			@Valid @RequestBody UpgradeRequests.SiteDecision decision) {
		return service.decideSite(caller, id, siteId, decision);
	}

	@GetMapping("/progress")
	@Operation(summary = "各街道进度 Progress per street", description = "Tasks, batches, milestones signed off and overdue, sites, leased m².")
	List<StreetProgress> progress(Caller caller, @RequestParam int year, @RequestParam(required = false) String region) {
		return service.progress(caller, year, region);
	}
}
