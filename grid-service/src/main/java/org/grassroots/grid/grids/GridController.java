package org.grassroots.grid.grids;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/grids")
@Tag(name = "网格 Grids")
class GridController {

	private final GridService service;

	GridController(GridService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "创建网格 Create a street, community, grid or micro-grid",
			description = "GeoJSON Polygon/MultiPolygon in WGS84; invalid, self-intersecting, unclosed or out-of-China "
					+ "geometry is a 400 naming the problem.")
	ResponseEntity<Grid> create(Caller caller, @Valid @RequestBody GridDraft draft) {
		Grid grid = service.create(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/grids/" + grid.id())).eTag(ETags.of(grid.version())).body(grid);
	}

	@GetMapping("/locate")
	@Operation(summary = "定位网格 Which grid is this point in",
			description = "Answered from an in-memory spatial index per district; 404 problem no-grid-at-location outside "
					+ "every unit.")
	Located locate(Caller caller, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng) {
		return service.locate(caller, lat, lng);
	}

	@GetMapping("/mine")
	@Operation(summary = "我的网格 The grids the caller is staff of")
	List<Grid> mine(Caller caller) {
		return service.mine(caller);
	}

	@PostMapping("/import")
	@Operation(summary = "批量导入网格 Import a GeoJSON FeatureCollection",
			description = "Upsert by properties.code (level, parentCode, name, partyBranchId); all or nothing: any "
					+ "error answers 400 import-rejected with one entry per feature problem and writes nothing.")
	GridImportResult importCollection(Caller caller, @RequestBody JsonNode collection) {
		return service.importCollection(caller, collection);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看网格 Get a grid with its boundary and staff")
	ResponseEntity<Grid> get(Caller caller, @PathVariable UUID id) {
		Grid grid = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(grid.version())).body(grid);
	}

	@GetMapping
	@Operation(summary = "网格列表 List grids in your region",
			description = "Filters: region, level, parentId, status; geometry=true includes boundaries.")
	Page<Grid> list(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) GridLevel level, @RequestParam(required = false) UUID parentId,
			@RequestParam(required = false) String status,
			@RequestParam(required = false, defaultValue = "false") boolean geometry,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, region, level, parentId, status, geometry, limit, cursor);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改网格 Change name, boundary or party branch", description = "Requires If-Match.")
	ResponseEntity<Grid> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody GridChange change) {
		Grid grid = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(grid.version())).body(grid);
	}

	@PutMapping("/{id}/staff")
	@Operation(summary = "设置网格人员 Replace the staff (one head, one instructor, workers)",
			description = "Requires If-Match.")
	ResponseEntity<Grid> staff(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody StaffAssignment assignment) {
		Grid grid = service.assignStaff(caller, id, ETags.requireMatch(ifMatch), assignment);
		return ResponseEntity.ok().eTag(ETags.of(grid.version())).body(grid);
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "撤销网格 Retire a grid", description = "Requires If-Match; refused while it has active "
			+ "children. Its cases and households keep referring to it.")
	ResponseEntity<Grid> retire(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Grid grid = service.retire(caller, id, ETags.requireMatch(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(grid.version())).body(grid);
	}
}
