package org.grassroots.gateway.tenants;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.caller.Roles;
import org.grassroots.gateway.paging.Page;
import org.grassroots.gateway.paging.PageRequest;
import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/**
 * Districts, managed by platform operators. Served by the gateway itself, not routed.
 */
@RestController
@RequestMapping("/api/v1/platform/tenants")
@Tag(name = "tenants", description = "Districts (tenants) served by the platform; platform operators only")
class TenantController {

	private final TenantService tenants;

	TenantController(TenantService tenants) {
		this.tenants = tenants;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Onboard a district")
	Mono<ResponseEntity<Tenant>> create(Caller caller, @Valid @RequestBody NewTenant body) {
		caller.requireRole(Roles.PLATFORM_OPERATOR);
		return tenants.create(body.code(), body.name(), body.settings())
			.map(tenant -> ResponseEntity.created(URI.create("/api/v1/platform/tenants/" + tenant.code()))
				.eTag(tenant.etag())
				.body(tenant));
	}

	@GetMapping
	@Operation(summary = "List districts by code, with cursor pagination")
	Mono<Page<Tenant>> list(Caller caller, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		caller.requireRole(Roles.PLATFORM_OPERATOR);
		return tenants.list(PageRequest.of(limit, cursor));
	}

	@GetMapping("/{code}")
	@Operation(summary = "Read one district; the ETag is its version")
	Mono<ResponseEntity<Tenant>> get(Caller caller, @PathVariable String code) {
		caller.requireRole(Roles.PLATFORM_OPERATOR);
		return tenants.get(code).map(tenant -> ResponseEntity.ok().eTag(tenant.etag()).body(tenant));
	}

	@PatchMapping(path = "/{code}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change name, status or settings; requires If-Match with the current ETag")
	Mono<ResponseEntity<Tenant>> update(Caller caller, @PathVariable String code,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TenantChanges body) {
		caller.requireRole(Roles.PLATFORM_OPERATOR);
		long expectedVersion = ETags.version(ifMatch);
		return tenants
			.update(code, expectedVersion, body.name(), body.status() == null ? null : TenantStatus.valueOf(body.status()),
					body.settings())
			.map(tenant -> ResponseEntity.status(HttpStatus.OK).eTag(tenant.etag()).body(tenant));
	}

	/** A new district. */
	record NewTenant(
			@NotNull @Pattern(regexp = Tenant.CODE_PATTERN, message = "tenant.code") String code,
			@NotBlank @Size(max = 100) String name, Map<String, Object> settings) {
	}

	/** A partial change; absent fields stay as they are. */
	record TenantChanges(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
			@Pattern(regexp = "ACTIVE|SUSPENDED", message = "tenant.status") String status,
			Map<String, Object> settings) {
	}

	/** Parses {@code If-Match}: a strong ETag holding the version. */
	static final class ETags {

		private ETags() {
		}

		static long version(String ifMatch) {
			if (ifMatch == null || ifMatch.isBlank()) {
				throw ProblemException.of(ProblemType.PRECONDITION_REQUIRED);
			}
			String value = ifMatch.strip();
			if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
				value = value.substring(1, value.length() - 1);
			}
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				// W/"..", "*" or a list: none can prove the caller saw the current version
				throw ProblemException.of(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail.generic");
			}
		}

	}

}
