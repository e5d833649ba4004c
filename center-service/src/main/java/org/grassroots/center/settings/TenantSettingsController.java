package org.grassroots.center.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/centers/settings")
@Tag(name = "设置 Tenant settings of center-service")
class TenantSettingsController {

	private final TenantSettingsService service;

	TenantSettingsController(TenantSettingsService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "时区等设置 The tenant's time zone", description = "Asia/Shanghai unless changed.")
	ResponseEntity<TenantSettings> get(Caller caller) {
		TenantSettings settings = service.get(caller);
		return ResponseEntity.ok().eTag(ETags.of(settings.version())).body(settings);
	}

	@PutMapping
	@Operation(summary = "修改时区 Change the time zone",
			description = "Tenant admins; If-Match with the ETag read (\"0\" while never changed).")
	ResponseEntity<TenantSettings> put(Caller caller,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TenantSettingsChange change) {
		TenantSettings settings = service.change(caller, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(settings.version())).body(settings);
	}
}
