package org.grassroots.grid.patrols;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Page;
import org.grassroots.grid.casework.CaseView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patrols")
@Tag(name = "巡查 Patrols")
class PatrolController {

	private final PatrolService service;

	PatrolController(PatrolService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "开始巡查 Start a patrol in a grid", description = "One active patrol per worker.")
	ResponseEntity<Patrol> start(Caller caller, @Valid @RequestBody PatrolRequests.Start start) {
		Patrol patrol = service.start(caller, start);
		return ResponseEntity.created(URI.create("/api/v1/patrols/" + patrol.id())).body(patrol);
	}

	@PostMapping("/{id}/points")
	@Operation(summary = "上传轨迹 Append track points (in time order, at most 500 per call)")
	Patrol points(Caller caller, @PathVariable UUID id, @Valid @RequestBody PatrolRequests.Points points) {
		return service.addPoints(caller, id, points);
	}

	@PostMapping("/{id}/findings")
	@Operation(summary = "巡查发现 Report a finding: it becomes a case (channel PATROL)")
	ResponseEntity<CaseView> finding(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody PatrolRequests.Finding finding) {
		CaseView view = service.finding(caller, id, finding);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + view.id())).body(view);
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "结束巡查 End the patrol")
	Patrol end(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) PatrolRequests.End end) {
		return service.end(caller, id, end);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看巡查 A patrol with its track (GeoJSON LineString) and findings")
	Patrol get(Caller caller, @PathVariable UUID id) {
		return service.get(caller, id);
	}

	@GetMapping
	@Operation(summary = "巡查记录 Patrols in your region", description = "Filters: gridId, mine=true.")
	Page<Patrol> list(Caller caller, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false, defaultValue = "false") boolean mine,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, gridId, mine, limit, cursor);
	}
}
