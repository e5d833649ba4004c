package org.grassroots.center.standards;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/standards")
@Tag(name = "标准与星级细则 Site standards and star rubrics")
class StandardController {

	private final StandardService service;

	StandardController(StandardService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "新建站点标准 Define a site standard (checklist such as 八有/六有)", description = "Tenant admins.")
	ResponseEntity<SiteStandard> createStandard(Caller caller, @Valid @RequestBody StandardDraft draft) {
		SiteStandard standard = service.createStandard(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/standards/" + standard.id())).body(standard);
	}

	@GetMapping
	@Operation(summary = "站点标准列表 Site standards")
	List<SiteStandard> standards(Caller caller) {
		return service.standards(caller);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看站点标准 Get a site standard")
	SiteStandard standard(Caller caller, @PathVariable UUID id) {
		return service.standard(caller, id);
	}

	@PostMapping("/rubrics")
	@Operation(summary = "新建星级评定细则 Define a star rubric",
			description = "Tenant admins. Weighted first-level indicators (weights sum to 100) with second-level "
					+ "indicators, five ascending star thresholds, reward tiers in fen. Immutable once created.")
	ResponseEntity<StarRubric> createRubric(Caller caller, @Valid @RequestBody RubricDraft draft) {
		StarRubric rubric = service.createRubric(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/standards/rubrics/" + rubric.id())).body(rubric);
	}

	@GetMapping("/rubrics")
	@Operation(summary = "星级评定细则列表 Star rubrics")
	List<StarRubric> rubrics(Caller caller, @RequestParam(required = false) Integer year) {
		return service.rubrics(caller, year);
	}

	@GetMapping("/rubrics/{id}")
	@Operation(summary = "查看星级评定细则 Get a star rubric")
	StarRubric rubric(Caller caller, @PathVariable UUID id) {
		return service.rubric(caller, id);
	}
}
