package org.grassroots.grid.casework;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "民情 Cases")
class CaseController {

	private final CaseService service;

	CaseController(CaseService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "上报民情 Report a case",
			description = "Location → grid by point-in-polygon; outside every grid the case queues at the community, "
					+ "street or district. Suspected duplicates (same category, 50 m, 48 h) are linked. Accepts "
					+ "Idempotency-Key; integrators may also send externalId.")
	ResponseEntity<CaseView> report(Caller caller, @Valid @RequestBody CaseReport report) {
		Intake.Result result = service.report(caller, report);
		CaseView view = result.view();
		return ResponseEntity.status(result.created() ? 201 : 200)
			.location(URI.create("/api/v1/cases/" + view.id()))
			.eTag(ETags.of(view.version()))
			.body(view);
	}

	@GetMapping
	@Operation(summary = "民情列表 List cases",
			description = "Staff see their region; residents their own. Filters: status (repeatable), category, "
					+ "gridId, queue (region prefix of the responsible unit), mine=reported|assigned, overdue, "
					+ "from/to (reported). Newest first, cursor pagination.")
	Page<CaseView> list(Caller caller, @RequestParam(required = false) List<CaseStatus> status,
			@RequestParam(required = false) String category, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) String queue, @RequestParam(required = false) String mine,
			@RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, status, category, gridId, queue, mine, overdue, from, to, limit, cursor);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看民情 Get a case with helpers, suspected duplicates and attachments")
	ResponseEntity<CaseView> get(Caller caller, @PathVariable UUID id) {
		CaseView view = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "处理过程 The timeline: every step with its time and actor")
	List<CaseEvent> timeline(Caller caller, @PathVariable UUID id) {
		return service.timeline(caller, id);
	}

	@GetMapping("/{id}/reporter-contact")
	@Operation(summary = "反映人联系方式 The reporter's phone in plain text (audited)")
	Map<String, Object> reporter(Caller caller, @PathVariable UUID id, @RequestParam(required = false) String purpose) {
		return service.revealReporter(caller, id, purpose);
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "受理 Accept (REPORTED → ACCEPTED), confirming category and priority",
			description = "Optional If-Match. An illegal step is a 409 case-transition-illegal.")
	ResponseEntity<CaseView> accept(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Steps.Acceptance step) {
		return ok(service.accept(caller, id, version(ifMatch), step));
	}

	@PostMapping("/{id}/dispatch")
	@Operation(summary = "派单 Dispatch (ACCEPTED → DISPATCHED): handle now, route to a department, coordinate",
			description = "When the case concerns a registered household, member-service is asked which central "
					+ "household serves it and that household is added as a helper; if member-service is down the "
					+ "case proceeds and the link is filled in later.")
	ResponseEntity<CaseView> dispatch(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Steps.DispatchOrder order) {
		return ok(service.dispatch(caller, id, version(ifMatch), order));
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "办结 Resolve (DISPATCHED → RESOLVED)")
	ResponseEntity<CaseView> resolve(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Steps.Resolution step) {
		return ok(service.resolve(caller, id, version(ifMatch), step));
	}

	@PostMapping("/{id}/feedback")
	@Operation(summary = "反馈 Reporter informed (RESOLVED → FEEDBACK)")
	ResponseEntity<CaseView> feedback(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Steps.Feedback step) {
		return ok(service.feedback(caller, id, version(ifMatch), step));
	}

	@PostMapping("/{id}/evaluate")
	@Operation(summary = "评议 Rate 1–5 (FEEDBACK → EVALUATED); 2 or less reopens the case once")
	ResponseEntity<CaseView> evaluate(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Steps.Evaluation step) {
		return ok(service.evaluate(caller, id, version(ifMatch), step));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "销号 Close (EVALUATED → CLOSED)")
	ResponseEntity<CaseView> close(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody(required = false) Steps.Closure step) {
		return ok(service.close(caller, id, version(ifMatch), step == null ? new Steps.Closure(null) : step));
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "备注 Add a note to the timeline")
	ResponseEntity<CaseEvent> note(Caller caller, @PathVariable UUID id, @Valid @RequestBody Steps.Note note) {
		return ResponseEntity.status(201).body(service.note(caller, id, note));
	}

	@PostMapping("/{id}/attachments")
	@Operation(summary = "附件 Add photos or documents by URL")
	ResponseEntity<List<CaseView.Attachment>> attach(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody Steps.Attachments attachments) {
		return ResponseEntity.status(201).body(service.attach(caller, id, attachments));
	}

	private static Long version(String ifMatch) {
		return ifMatch == null || ifMatch.isBlank() ? null : ETags.requireMatch(ifMatch);
	}

	private static ResponseEntity<CaseView> ok(CaseView view) {
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
	}
}
