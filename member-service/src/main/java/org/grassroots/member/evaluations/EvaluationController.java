package org.grassroots.member.evaluations;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/member-evaluations")
@Tag(name = "年度考评 Annual evaluations")
class EvaluationController {

	private final EvaluationService service;

	EvaluationController(EvaluationService service) {
		this.service = service;
	}

	@GetMapping("/policies/{year}")
	@Operation(summary = "考评办法 The year's scoring policy (the defaults until the district sets one)")
	PolicyView policy(Caller caller, @PathVariable int year) {
		return service.policy(caller, year);
	}

	@PutMapping("/policies/{year}")
	@Operation(summary = "设置考评办法 Set the year's policy (tenant admin; locked once the year is finalized)")
	PolicyView setPolicy(Caller caller, @PathVariable int year, @Valid @RequestBody EvaluationPolicy policy) {
		return service.setPolicy(caller, year, policy);
	}

	@PostMapping("/years/{year}/computation")
	@Operation(summary = "计算考评指标 Create or refresh the year's evaluations in your region",
			description = "Indicators from work logs (visits, cases helped, resident ratings) and training attendance; "
					+ "finalized evaluations are left as they are.")
	RunResult compute(Caller caller, @PathVariable int year) {
		return service.compute(caller, year);
	}

	@PostMapping("/years/{year}/finalization")
	@Operation(summary = "确定考评结果 Finalize: final score, grade and reward (fen) of every street-scored evaluation")
	RunResult finalizeYear(Caller caller, @PathVariable int year) {
		return service.finalizeYear(caller, year);
	}

	@GetMapping("/years/{year}/candidates")
	@Operation(summary = "百佳候选名单 Finalized evaluations ranked for the top-hundred selection",
			description = "District-wide rank (ties share a rank); your region's entries. limit 1..100, default 100.")
	Page<Candidate> candidates(Caller caller, @PathVariable int year, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.candidates(caller, year, limit, cursor);
	}

	@GetMapping
	@Operation(summary = "考评列表 The year's evaluations in your region")
	Page<Evaluation> list(Caller caller, @RequestParam int year, @RequestParam(required = false) String region,
			@RequestParam(required = false) EvaluationStatus status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, year, region, status, limit, cursor);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看考评 Get an evaluation")
	ResponseEntity<Evaluation> get(Caller caller, @PathVariable UUID id) {
		Evaluation evaluation = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(evaluation.version())).body(evaluation);
	}

	@PutMapping("/{id}/community-score")
	@Operation(summary = "社区评分 The community's score (community staff; If-Match)")
	ResponseEntity<Evaluation> scoreCommunity(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Score score) {
		Evaluation evaluation = service.scoreCommunity(caller, id, ETags.requireMatch(ifMatch), score);
		return ResponseEntity.ok().eTag(ETags.of(evaluation.version())).body(evaluation);
	}

	@PutMapping("/{id}/street-score")
	@Operation(summary = "街道评分 The street's score (street staff; If-Match)")
	ResponseEntity<Evaluation> scoreStreet(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Score score) {
		Evaluation evaluation = service.scoreStreet(caller, id, ETags.requireMatch(ifMatch), score);
		return ResponseEntity.ok().eTag(ETags.of(evaluation.version())).body(evaluation);
	}
}
