package org.grassroots.center.catalog;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/service-catalog")
@Tag(name = "服务清单 Service catalog")
class CatalogController {

	private final CatalogService service;

	CatalogController(CatalogService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "服务清单 The tenant's service catalog",
			description = "Categories with their items; seeded with 6 categories / 17 items on first use.")
	List<ServiceCategory> list(Caller caller) {
		return service.list(caller);
	}

	@PostMapping("/categories")
	@Operation(summary = "新增服务类别 Add a category", description = "Tenant admins.")
	ResponseEntity<ServiceCategory> addCategory(Caller caller, @Valid @RequestBody CategoryDraft draft) {
		ServiceCategory category = service.addCategory(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/service-catalog")).body(category);
	}

	@PostMapping("/items")
	@Operation(summary = "新增服务项目 Add an item to a category", description = "Tenant admins.")
	ResponseEntity<ServiceItem> addItem(Caller caller, @Valid @RequestBody ItemDraft draft) {
		ServiceItem item = service.addItem(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/service-catalog")).body(item);
	}
}
