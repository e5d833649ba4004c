package org.grassroots.grid.households;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.web.Page;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/residents")
@Tag(name = "居民 Residents")
class ResidentController {

	private final HouseholdService service;

	ResidentController(HouseholdService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "登记居民 Add a resident to a household",
			description = "ID number (GB 11643, check character verified) and phone are encrypted, blind-indexed and "
					+ "shown masked.")
	ResponseEntity<Resident> create(Caller caller, @Valid @RequestBody ResidentDraft draft) {
		Resident resident = service.addResident(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/residents/" + resident.id()))
			.eTag(ETags.of(resident.version()))
			.body(resident);
	}

	@PostMapping("/search")
	@Operation(summary = "按证件号或电话查找 Find residents by exact ID number or phone",
			description = "Through the blind index; the value is sent in the body, results are masked.")
	List<Resident> search(Caller caller, @Valid @RequestBody ResidentSearch search) {
		return service.search(caller, search);
	}

	@GetMapping("/personal-data-access")
	@Operation(summary = "个人信息访问记录 Audit log of plaintext reads (auditors, district administrators)",
			description = "Newest first; `items` and `nextCursor` (absent on the last page).")
	Page<PersonalDataAudit.Access> accessLog(Caller caller, @RequestParam(required = false) String resourceType,
			@RequestParam(required = false) String resourceId, @RequestParam(required = false) String accessor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime before,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.accessLog(caller, resourceType, resourceId, accessor, before, limit, cursor);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看居民 Get a resident (masked)")
	ResponseEntity<Resident> get(Caller caller, @PathVariable UUID id) {
		Resident resident = service.resident(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(resident.version())).body(resident);
	}

	@GetMapping("/{id}/personal-data")
	@Operation(summary = "查看明文个人信息 Plaintext ID number / phone (audited)",
			description = "fields=idNumber,phone (default both) and a purpose; every field read is audited.")
	RevealedResident reveal(Caller caller, @PathVariable UUID id, @RequestParam(required = false) Set<String> fields,
			@RequestParam(required = false) String purpose) {
		return service.reveal(caller, id, fields, purpose);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改居民 Change a resident", description = "Requires If-Match; status MOVED_OUT when they leave.")
	ResponseEntity<Resident> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ResidentChange change) {
		Resident resident = service.changeResident(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(resident.version())).body(resident);
	}
}
