package org.grassroots.member.training;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Page;
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
@RequestMapping("/api/v1/trainings")
@Tag(name = "党员培训 Training")
class TrainingController {

	private final TrainingService service;

	TrainingController(TrainingService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "开设培训 Create a course", description = "Staff, in their region. Accepts Idempotency-Key.")
	ResponseEntity<TrainingCourse> create(Caller caller, @Valid @RequestBody NewCourse request) {
		TrainingCourse course = service.create(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/trainings/" + course.id())).body(course);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看培训 Get a course")
	TrainingCourse get(Caller caller, @PathVariable UUID id) {
		return service.get(caller, id);
	}

	@GetMapping
	@Operation(summary = "培训列表 List courses", description = "Filters: region, from, to (start time). Cursor pagination.")
	Page<TrainingCourse> list(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, region, from, to, limit, cursor);
	}

	@PostMapping("/{id}/attendance")
	@Operation(summary = "登记参训 Record attendance", description = "Up to 200 members; repeats change nothing.")
	AttendanceResult attend(Caller caller, @PathVariable UUID id, @Valid @RequestBody AttendanceRequest request) {
		return service.attend(caller, id, request);
	}

	@GetMapping("/{id}/attendance")
	@Operation(summary = "参训名单 Who attended")
	Page<Attendance> attendance(Caller caller, @PathVariable UUID id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.attendance(caller, id, limit, cursor);
	}

	@DeleteMapping("/{id}/attendance/{memberId}")
	@Operation(summary = "撤销参训登记 Remove an attendance recorded by mistake")
	ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id, @PathVariable UUID memberId) {
		service.removeAttendance(caller, id, memberId);
		return ResponseEntity.noContent().build();
	}
}
