package org.grassroots.center.rosters;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rosters")
@Tag(name = "值班 Duty rosters")
class RosterController {

	private final RosterService service;

	RosterController(RosterService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "排班 Add a shift",
			description = "Staff of the center's region; 409 shift-overlap when the person already has an overlapping "
					+ "shift at the center.")
	ResponseEntity<DutyShift> add(Caller caller, @Valid @RequestBody ShiftDraft draft) {
		DutyShift shift = service.add(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/rosters/" + shift.id())).body(shift);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "删除班次 Remove a shift")
	ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id) {
		service.remove(caller, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	@Operation(summary = "值班表 Roster of a center", description = "Shifts overlapping [from, to) (default 8 days from yesterday, at most 62).")
	List<DutyShift> roster(Caller caller, @RequestParam UUID centerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		return service.roster(caller, centerId, from, to);
	}

	@GetMapping("/on-duty")
	@Operation(summary = "当前值班 Who is on duty now at a center")
	List<DutyShift> onDuty(Caller caller, @RequestParam UUID centerId) {
		return service.onDuty(caller, centerId);
	}
}
