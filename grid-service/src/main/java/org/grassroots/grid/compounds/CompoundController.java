package org.grassroots.grid.compounds;

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
@RequestMapping("/api/v1/compounds")
@Tag(name = "小区 Residential compounds")
class CompoundController {

	private final CompoundService service;

	CompoundController(CompoundService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "登记小区 Register a residential compound")
	ResponseEntity<Compound> create(Caller caller, @Valid @RequestBody CompoundDraft draft) {
		Compound compound = service.create(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/compounds/" + compound.id()))
			.eTag(ETags.of(compound.version()))
			.body(compound);
	}

	@GetMapping
	@Operation(summary = "小区列表 Compounds with population (provider for center-service's coverage analysis)",
			description = "Items are exactly {id, name, region, location {lat, lng}, population}; cursor pagination.")
	Page<CompoundSummary> list(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, region, limit, cursor);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看小区 Get a compound")
	ResponseEntity<Compound> get(Caller caller, @PathVariable UUID id) {
		Compound compound = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(compound.version())).body(compound);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改小区 Change name, location or population", description = "Requires If-Match.")
	ResponseEntity<Compound> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CompoundChange change) {
		Compound compound = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(compound.version())).body(compound);
	}
}
