package org.grassroots.volunteer.volunteers;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/volunteers")
@Tag(name = "志愿者 Volunteers")
class VolunteerController {

	private final VolunteerService service;

	VolunteerController(VolunteerService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "登记志愿者 Register a volunteer",
			description = "Staff register volunteers within their region; accepts Idempotency-Key.")
	ResponseEntity<Volunteer> register(Caller caller, @Valid @RequestBody VolunteerRegistration registration) {
		Volunteer volunteer = service.register(caller, registration);
		return ResponseEntity.created(URI.create("/api/v1/volunteers/" + volunteer.id()))
			.eTag(ETags.of(volunteer.version()))
			.body(volunteer);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看志愿者 Get a volunteer")
	ResponseEntity<Volunteer> get(Caller caller, @PathVariable UUID id) {
		Volunteer volunteer = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(volunteer.version())).body(volunteer);
	}

	@GetMapping
	@Operation(summary = "志愿者列表 List volunteers in your region",
			description = "Cursor pagination: pass nextCursor back as cursor; limit 1..100, default 20.")
	Page<Volunteer> list(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, region, limit, cursor);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改志愿者 Change a volunteer", description = "Requires If-Match with the ETag read.")
	ResponseEntity<Volunteer> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody VolunteerChange change) {
		Volunteer volunteer = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(volunteer.version())).body(volunteer);
	}
}
