package org.grassroots.gateway.clients;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.grassroots.gateway.caller.Caller;
import org.grassroots.gateway.caller.Roles;
import org.grassroots.gateway.paging.Page;
import org.grassroots.gateway.paging.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A district's integrator clients, managed by its tenant admins. The tenant comes from the admin's token only.
 */
@RestController
@RequestMapping("/api/v1/platform/clients")
@Tag(name = "integrator clients", description = "API keys of municipal systems; tenant admins only")
class IntegratorClientController {

	static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

	private final IntegratorClientService clients;

	IntegratorClientController(IntegratorClientService clients) {
		this.clients = clients;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Issue a client; the API key is in this response only")
	Mono<ResponseEntity<IssuedClient>> issue(Caller caller, @Valid @RequestBody NewClient body) {
		String tenant = caller.requireTenantRole(Roles.TENANT_ADMIN);
		int limit = body.rateLimitPerMinute() == null ? DEFAULT_RATE_LIMIT_PER_MINUTE : body.rateLimitPerMinute();
		return clients.issue(tenant, body.name(), body.scopes(), limit, body.allowedIps())
			.map(issued -> ResponseEntity.created(URI.create("/api/v1/platform/clients/" + issued.id()))
				.cacheControl(CacheControl.noStore())
				.body(issued));
	}

	@GetMapping
	@Operation(summary = "List the district's clients (never their keys)")
	Mono<Page<IntegratorClient>> list(Caller caller, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		String tenant = caller.requireTenantRole(Roles.TENANT_ADMIN);
		return clients.list(tenant, PageRequest.of(limit, cursor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one client")
	Mono<IntegratorClient> get(Caller caller, @PathVariable String id) {
		return clients.get(caller.requireTenantRole(Roles.TENANT_ADMIN), id);
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke the client's key, effective within seconds on every gateway replica")
	Mono<IntegratorClient> revoke(Caller caller, @PathVariable String id) {
		return clients.revoke(caller.requireTenantRole(Roles.TENANT_ADMIN), id);
	}

	/** A client to issue. */
	record NewClient(@NotBlank @Size(max = 100) String name, @Size(max = 50) List<String> scopes,
			@Min(1) @Max(6_000_000) Integer rateLimitPerMinute, @Size(max = 50) List<String> allowedIps) {
	}

}
