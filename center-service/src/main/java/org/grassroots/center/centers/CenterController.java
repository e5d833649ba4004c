package org.grassroots.center.centers;

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
@RequestMapping("/api/v1/centers")
@Tag(name = "服务中心 Centers and stations")
class CenterController {

	private final CenterService service;

	CenterController(CenterService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "新建服务中心/站点 Create a center or station",
			description = "Staff within their region; the level must fit the region's depth. Accepts Idempotency-Key.")
	ResponseEntity<Center> create(Caller caller, @Valid @RequestBody CenterDraft draft) {
		Center center = service.create(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/centers/" + center.id()))
			.eTag(ETags.of(center.version()))
			.body(center);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看服务中心 Get a center", description = "With openNow in the tenant's time zone.")
	ResponseEntity<Center> get(Caller caller, @PathVariable UUID id) {
		Center center = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(center.version())).body(center);
	}

	@GetMapping
	@Operation(summary = "服务中心列表 List centers in your region",
			description = "Filters: region (subtree), level, status. Cursor pagination, limit 1..100.")
	Page<Center> list(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) CenterLevel level, @RequestParam(required = false) CenterStatus status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, region, level, status, limit, cursor);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改服务中心 Change a center", description = "Requires If-Match with the ETag read.")
	ResponseEntity<Center> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CenterChange change) {
		Center center = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(center.version())).body(center);
	}
}
