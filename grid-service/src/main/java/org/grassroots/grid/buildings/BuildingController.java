package org.grassroots.grid.buildings;

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
@RequestMapping("/api/v1/buildings")
@Tag(name = "楼栋 Buildings")
class BuildingController {

	private final BuildingService service;

	BuildingController(BuildingService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "登记楼栋 Register a building in a grid")
	ResponseEntity<Building> create(Caller caller, @Valid @RequestBody BuildingDraft draft) {
		Building building = service.create(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/buildings/" + building.id()))
			.eTag(ETags.of(building.version()))
			.body(building);
	}

	@GetMapping
	@Operation(summary = "楼栋列表 List buildings in your region")
	Page<Building> list(Caller caller, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) UUID compoundId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, gridId, compoundId, limit, cursor);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看楼栋 Get a building")
	ResponseEntity<Building> get(Caller caller, @PathVariable UUID id) {
		Building building = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(building.version())).body(building);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改楼栋 Change a building", description = "Requires If-Match.")
	ResponseEntity<Building> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody BuildingChange change) {
		Building building = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(building.version())).body(building);
	}
}
