package org.grassroots.member.worklogs;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/work-logs")
@Tag(name = "工作日志 Work logs")
class WorkLogController {

	private final WorkLogService service;

	WorkLogController(WorkLogService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "记录工作 Log a visit, opinions collected, a dispute mediated or help given",
			description = "By the central household (PARTY_MEMBER) or staff of its region; households must be linked. "
					+ "Help in grid cases is credited automatically from grid-service's case.closed events.")
	ResponseEntity<WorkLog> create(Caller caller, @Valid @RequestBody NewWorkLog request) {
		WorkLog created = service.create(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/work-logs?centralHouseholdId=" + created.centralHouseholdId()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "工作日志 Work logs, newest first",
			description = "Of one central household (centralHouseholdId), or all in your region (staff). Filters: kind, "
					+ "from, to (dates). Cursor pagination; limit 1..100.")
	Page<WorkLog> list(Caller caller, @RequestParam(required = false) UUID centralHouseholdId,
			@RequestParam(required = false) WorkKind kind, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, centralHouseholdId, kind, from, to, limit, cursor);
	}
}
