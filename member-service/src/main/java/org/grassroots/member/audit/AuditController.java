package org.grassroots.member.audit;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit/personal-data")
@Tag(name = "个人信息访问审计 Personal-data audit")
class AuditController {

	private final AuditService service;

	AuditController(AuditService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "明文访问记录 Who read which personal data in plaintext, when and why",
			description = "AUDITOR only. Filters: resourceType (party_member), resourceId, accessor, before "
					+ "(ISO-8601). Newest first; cursor pagination; limit 1..100.")
	Page<PersonalDataAudit.Access> search(Caller caller, @RequestParam(required = false) String resourceType,
			@RequestParam(required = false) String resourceId, @RequestParam(required = false) String accessor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime before,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.search(caller, resourceType, resourceId, accessor, before, limit, cursor);
	}
}
