package org.grassroots.center.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "15分钟服务圈 Coverage")
class CoverageController {

	private final CoverageService service;

	CoverageController(CoverageService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "覆盖率 15-minute coverage of the tenant or a street",
			description = "Share of residential compounds and population within walkMeters (default 1000, walking "
					+ "distance ≈ straight line × 1.3) of an operating center; the uncovered compounds. Compounds come "
					+ "from grid-service: 503 downstream-unavailable when it is down.")
	CoverageReport coverage(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer walkMeters, @RequestParam(required = false) Integer uncoveredLimit) {
		return service.coverage(caller, region, walkMeters, uncoveredLimit);
	}

	@PostMapping("/best-sites")
	@Operation(summary = "最优选址 Best k new sites among candidates",
			description = "Greedy maximal coverage of the uncovered population; candidates given and/or the upgrade "
					+ "tasks' candidate sites. A read: nothing is stored.")
	CoverageReport bestSites(Caller caller, @Valid @RequestBody BestSitesRequest request) {
		return service.bestSites(caller, request);
	}
}
