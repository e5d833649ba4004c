package org.grassroots.member.organizations;

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
@RequestMapping("/api/v1/party-organizations")
@Tag(name = "党组织 Party organizations")
class OrganizationController {

	private final OrganizationService service;

	OrganizationController(OrganizationService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "成立党组织 Found a party organization",
			description = "Staff within their region; the parent's level must admit the new level and its region "
					+ "must contain the new region. Accepts Idempotency-Key.")
	ResponseEntity<PartyOrganization> create(Caller caller, @Valid @RequestBody NewOrganization request) {
		PartyOrganization created = service.create(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/party-organizations/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看党组织 Get a party organization")
	ResponseEntity<PartyOrganization> get(Caller caller, @PathVariable UUID id) {
		PartyOrganization organization = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(organization.version())).body(organization);
	}

	@GetMapping
	@Operation(summary = "党组织列表 List party organizations",
			description = "Filters: parentId (children of one organization), region (subtree), level, category, "
					+ "status. Cursor pagination; limit 1..100.")
	Page<PartyOrganization> list(Caller caller, @RequestParam(required = false) UUID parentId,
			@RequestParam(required = false) String region, @RequestParam(required = false) OrganizationLevel level,
			@RequestParam(required = false) OrganizationCategory category,
			@RequestParam(required = false) OrganizationStatus status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, parentId, region, level, category, status, limit, cursor);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改党组织 Change name, contact, covered social organizations or dissolve",
			description = "Requires If-Match. Dissolving needs no active children and no active members.")
	ResponseEntity<PartyOrganization> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody OrganizationChange change) {
		PartyOrganization changed = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
	}

	@PostMapping("/{id}/moves")
	@Operation(summary = "调整隶属或服务区域 Move under another parent and/or to another region",
			description = "Kept in the organization's history. Optional If-Match. A move that would put an "
					+ "organization inside its own subtree is a 409.")
	ResponseEntity<PartyOrganization> move(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody MoveRequest request) {
		Long expected = ifMatch == null ? null : ETags.requireMatch(ifMatch);
		PartyOrganization moved = service.move(caller, id, expected, request);
		return ResponseEntity.ok().eTag(ETags.of(moved.version())).body(moved);
	}

	@GetMapping("/{id}/moves")
	@Operation(summary = "调整历史 The organization's moves, oldest first")
	Page<OrganizationMove> moves(Caller caller, @PathVariable UUID id) {
		List<OrganizationMove> moves = service.moves(caller, id);
		return new Page<>(moves, null);
	}
}
