package org.grassroots.grid.statistics;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.grassroots.defaults.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/case-statistics")
@Tag(name = "民情统计 Case statistics")
class StatisticsController {

	private final StatisticsService service;

	StatisticsController(StatisticsService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "统计 Per grid, community or street over a period",
			description = "level=grid|community|street (default grid); from/to ISO-8601 (default the last 30 days, at "
					+ "most 366 days); region narrows within your scope. Received, closed, on-time rate, mean "
					+ "handling hours, satisfaction, escalations.")
	CaseStatistics statistics(Caller caller, @RequestParam(required = false) String level,
			@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		return service.compute(caller, level, region, from, to);
	}
}
