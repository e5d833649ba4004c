package org.grassroots.member.registrations;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
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
@RequestMapping("/api/v1/community-registrations")
@Tag(name = "双报到 Community registrations")
class RegistrationController {

	private final RegistrationService service;

	RegistrationController(RegistrationService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "到社区报到 Register an in-service member at their residential community",
			description = "By the member (PARTY_MEMBER, memberId optional) or the community's staff. One active "
					+ "registration per member. Accepts Idempotency-Key.")
	ResponseEntity<CommunityRegistration> register(Caller caller, @Valid @RequestBody NewRegistration request) {
		CommunityRegistration created = service.register(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/community-registrations/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看报到记录 Get a registration")
	CommunityRegistration get(Caller caller, @PathVariable UUID id) {
		return service.get(caller, id);
	}

	@GetMapping
	@Operation(summary = "社区报到党员 Registered members of the communities in your region, with service totals",
			description = "Filters: community, status (ACTIVE, ENDED). Cursor pagination; limit 1..100.")
	Page<CommunityRegistration> list(Caller caller, @RequestParam(required = false) String community,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, community, status, limit, cursor);
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "结束报到 End a registration (the member moved)")
	CommunityRegistration end(Caller caller, @PathVariable UUID id) {
		return service.end(caller, id);
	}

	@PostMapping("/{id}/service-records")
	@Operation(summary = "记录服务 Record a service to the community")
	ResponseEntity<ServiceRecord> record(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody NewServiceRecord request) {
		ServiceRecord record = service.record(caller, id, request);
		return ResponseEntity.created(URI.create("/api/v1/community-registrations/" + id + "/service-records"))
			.body(record);
	}

	@GetMapping("/{id}/service-records")
	@Operation(summary = "服务记录 Service records, newest first")
	Page<ServiceRecord> records(Caller caller, @PathVariable UUID id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.records(caller, id, limit, cursor);
	}
}
