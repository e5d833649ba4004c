package org.grassroots.center.evaluations;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/star-evaluations")
@Tag(name = "星级评定 Star evaluations")
class EvaluationController {

	private final EvaluationService service;

	EvaluationController(EvaluationService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "申报 Apply (self-assessment)",
			description = "Community or street staff of the center's region; one evaluation per center and year "
					+ "(409 evaluation-exists).")
	ResponseEntity<StarEvaluation> apply(Caller caller, @Valid @RequestBody EvaluationRequests.Apply request) {
		StarEvaluation evaluation = service.apply(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/star-evaluations/" + evaluation.id()))
			.eTag(ETags.of(evaluation.version()))
			.body(evaluation);
	}

	@PostMapping("/{id}/review")
	@Operation(summary = "评议 Record the representatives' opinion", description = "APPLIED → REVIEWED; community or street staff.")
	StarEvaluation review(Caller caller, @PathVariable UUID id, @Valid @RequestBody EvaluationRequests.Review request) {
		return service.review(caller, id, request);
	}

	@PostMapping("/{id}/score")
	@Operation(summary = "考核打分 Score every indicator", description = "REVIEWED → SCORED; street staff.")
	StarEvaluation score(Caller caller, @PathVariable UUID id, @Valid @RequestBody EvaluationRequests.Score request) {
		return service.score(caller, id, request);
	}

	@PostMapping("/{id}/rate")
	@Operation(summary = "定级 Confirm stars and reward tier", description = "SCORED → RATED; tenant admins.")
	StarEvaluation rate(Caller caller, @PathVariable UUID id, @Valid @RequestBody EvaluationRequests.Rate request) {
		return service.rate(caller, id, request);
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "公布 Publish", description = "RATED → PUBLISHED; tenant admins; the center shows its stars.")
	StarEvaluation publish(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) EvaluationRequests.Publish request) {
		return service.publish(caller, id, request);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看评定 Get an evaluation")
	ResponseEntity<StarEvaluation> get(Caller caller, @PathVariable UUID id) {
		StarEvaluation evaluation = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(evaluation.version())).body(evaluation);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "评定历程 Full history of an evaluation")
	List<EvaluationStep> history(Caller caller, @PathVariable UUID id) {
		return service.history(caller, id);
	}

	@GetMapping
	@Operation(summary = "评定列表 Evaluations in your region", description = "Filters region, year, status, centerId.")
	Page<StarEvaluation> list(Caller caller, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) EvaluationStatus status,
			@RequestParam(required = false) UUID centerId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, region, year, status, centerId, limit, cursor);
	}
}
