package org.grassroots.member.households;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/central-households")
@Tag(name = "党员中心户 Central households")
class CentralHouseholdController {

	private final CentralHouseholdService service;

	private final CentralHouseholdImport imports;

	CentralHouseholdController(CentralHouseholdService service, CentralHouseholdImport imports) {
		this.service = service;
		this.imports = imports;
	}

	@PostMapping
	@Operation(summary = "设立党员中心户 Designate a central household",
			description = "By a community/village organization in your region, with 1-5 roles and optionally its "
					+ "first linked households (validated with grid-service; 503 when it cannot answer, and nothing is "
					+ "written). Accepts Idempotency-Key.")
	ResponseEntity<CentralHousehold> designate(Caller caller, @Valid @RequestBody Designation designation) {
		CentralHousehold created = service.designate(caller, designation);
		return ResponseEntity.created(URI.create("/api/v1/central-households/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@PostMapping("/imports")
	@Operation(summary = "批量导入党员中心户 Import a batch of central households",
			description = "Up to 500 rows; members matched by ID number or registered; households validated with "
					+ "grid-service. All or nothing. Accepts Idempotency-Key (use one per batch).")
	ImportResult importBatch(Caller caller, @Valid @RequestBody ImportRequest request) {
		return imports.importBatch(caller, request);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看党员中心户 Get a central household")
	ResponseEntity<CentralHousehold> get(Caller caller, @PathVariable UUID id) {
		CentralHousehold ch = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(ch.version())).body(ch);
	}

	@GetMapping("/me")
	@Operation(summary = "我的中心户 The calling party member's own central household")
	ResponseEntity<CentralHousehold> me(Caller caller) {
		CentralHousehold ch = service.me(caller);
		return ResponseEntity.ok().eTag(ETags.of(ch.version())).body(ch);
	}

	@GetMapping
	@Operation(summary = "党员中心户列表 List central households in your region",
			description = "Filters: organizationId, region, role, status. Cursor pagination; limit 1..100.")
	Page<CentralHousehold> list(Caller caller, @RequestParam(required = false) UUID organizationId,
			@RequestParam(required = false) String region, @RequestParam(required = false) CentralHouseholdRole role,
			@RequestParam(required = false) CentralHouseholdStatus status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, organizationId, region, role, status, limit, cursor);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改职责或牌号 Change roles or plaque number", description = "Requires If-Match.")
	ResponseEntity<CentralHousehold> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CentralHouseholdChange change) {
		CentralHousehold ch = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(ch.version())).body(ch);
	}

	@PostMapping("/{id}/revocation")
	@Operation(summary = "撤销党员中心户 Revoke a designation", description = "Its households are unlinked.")
	ResponseEntity<CentralHousehold> revoke(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) Revocation revocation) {
		CentralHousehold ch = service.revoke(caller, id, revocation);
		return ResponseEntity.ok().eTag(ETags.of(ch.version())).body(ch);
	}

	@GetMapping("/{id}/households")
	@Operation(summary = "联系户 The linked households")
	Page<LinkedHousehold> households(Caller caller, @PathVariable UUID id) {
		return new Page<>(service.linked(caller, id), null);
	}

	@PostMapping("/{id}/households")
	@Operation(summary = "关联联系户 Link households",
			description = "Validated with grid-service (must exist in your district and lie in the community); 404 "
					+ "names unknown ids, 409 names households linked to another central household (a household "
					+ "links to at most one; the database enforces it), 503 when grid-service cannot answer. All or "
					+ "nothing.")
	Page<LinkedHousehold> link(Caller caller, @PathVariable UUID id, @Valid @RequestBody HouseholdLinks links) {
		List<LinkedHousehold> linked = service.link(caller, id, links);
		return new Page<>(linked, null);
	}

	@DeleteMapping("/{id}/households/{householdId}")
	@Operation(summary = "解除联系户 Unlink a household")
	ResponseEntity<Void> unlink(Caller caller, @PathVariable UUID id, @PathVariable UUID householdId) {
		service.unlink(caller, id, householdId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/plaque")
	@Operation(summary = "挂牌信息 The plaque: member, roles, served households, contact through the community")
	Plaque plaque(Caller caller, @PathVariable UUID id) {
		return service.plaque(caller, id);
	}

	@GetMapping("/for-household/{householdId}")
	@Operation(summary = "联系户的党员中心户 Which central household serves a household",
			description = "For grid-service's case dispatch: {centralHouseholdId, memberId, name, roles}, or 404.")
	ForHousehold forHousehold(Caller caller, @PathVariable UUID householdId) {
		return service.forHousehold(caller, householdId);
	}
}
