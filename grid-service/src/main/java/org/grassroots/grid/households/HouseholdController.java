package org.grassroots.grid.households;

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
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "户 Households")
class HouseholdController {

	private final HouseholdService service;

	private final HouseholdImport imports;

	HouseholdController(HouseholdService service, HouseholdImport imports) {
		this.service = service;
		this.imports = imports;
	}

	@PostMapping
	@Operation(summary = "登记户 Register a household with its residents")
	ResponseEntity<Household> create(Caller caller, @Valid @RequestBody HouseholdDraft draft) {
		Household household = service.create(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/households/" + household.id()))
			.eTag(ETags.of(household.version()))
			.body(household);
	}

	@GetMapping("/{id}")
	@Operation(summary = "户的网格与地区 A household's grid and region (provider for member-service)",
			description = "Exactly {id, gridId, region, compoundId, buildingId}; no personal data. 404 when unknown, "
					+ "in another district or outside the caller's scope.")
	HouseholdRef ref(Caller caller, @PathVariable UUID id) {
		return service.ref(caller, id);
	}

	@PostMapping("/lookup")
	@Operation(summary = "批量核对户 Which of these households exist (provider for member-service)",
			description = "At most 200 ids; answers {found: [{id, region}], missing: [ids]}.")
	HouseholdLookup.Result lookup(Caller caller, @Valid @RequestBody HouseholdLookup lookup) {
		return service.lookup(caller, lookup);
	}

	@GetMapping("/{id}/details")
	@Operation(summary = "户详情 A household with care tags and residents (masked)")
	ResponseEntity<Household> details(Caller caller, @PathVariable UUID id) {
		Household household = service.details(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(household.version())).body(household);
	}

	@GetMapping("/{id}/address")
	@Operation(summary = "查看完整地址 The exact address (audited)",
			description = "Needs a purpose; the read is written to the personal-data audit log.")
	HouseholdService.RevealedAddress address(Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) String purpose) {
		return service.revealAddress(caller, id, purpose);
	}

	@GetMapping
	@Operation(summary = "户列表 Households in your region",
			description = "Filters: gridId, buildingId, careTag (ELDERLY_ALONE, DISABILITY, LOW_INCOME, RENTAL, KEY_PERSON).")
	Page<Household> list(Caller caller, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) UUID buildingId, @RequestParam(required = false) CareTag careTag,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, gridId, buildingId, careTag, limit, cursor);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改户 Change a household", description = "Requires If-Match.")
	ResponseEntity<Household> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody HouseholdChange change) {
		Household household = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(household.version())).body(household);
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	@Operation(summary = "批量导入户（CSV） Import households from CSV",
			description = "UTF-8, header: household_code, grid_code, building_code, compound_code, address, "
					+ "household_care_tags, resident_name, relation, id_number, phone, resident_care_tags (one row per "
					+ "resident; tags separated by ';'). All or nothing with a per-row error report.")
	HouseholdImportResult importCsv(Caller caller, @RequestBody byte[] body) {
		return imports.importCsv(caller, body);
	}

	@PostMapping(path = "/import", consumes = "application/json")
	@Operation(summary = "批量导入户（JSON） Import households from JSON",
			description = "{\"households\": [{code, gridCode, buildingCode, compoundCode, address, careTags, residents: "
					+ "[{name, relation, idNumber, phone, careTags}]}]}. All or nothing with a per-item error report.")
	HouseholdImportResult importJson(Caller caller, @RequestBody JsonNode body) {
		return imports.importJson(caller, body);
	}
}
