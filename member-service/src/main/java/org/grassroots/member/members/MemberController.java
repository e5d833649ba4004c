package org.grassroots.member.members;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/party-members")
@Tag(name = "党员 Party members")
class MemberController {

	private static final String REVEAL_DOC = "Comma-separated fields to return in plaintext: idNumber, phone. Only "
			+ "for the tenant admin, community staff of the member's own organization, and the member themself; "
			+ "needs purpose; every field read is audited.";

	private final MemberService service;

	MemberController(MemberService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "登记党员 Register a party member",
			description = "ID number checked against GB 11643 (length, birth date, check character); stored "
					+ "encrypted, answered masked. Accepts Idempotency-Key.")
	ResponseEntity<PartyMember> register(Caller caller, @Valid @RequestBody MemberRegistration registration) {
		PartyMember member = service.register(caller, registration);
		return ResponseEntity.created(URI.create("/api/v1/party-members/" + member.id()))
			.eTag(ETags.of(member.version()))
			.cacheControl(CacheControl.noStore())
			.body(member);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看党员 Get a party member (masked unless revealed)")
	ResponseEntity<PartyMember> get(Caller caller, @PathVariable UUID id,
			@Parameter(description = REVEAL_DOC) @RequestParam(required = false) List<String> reveal,
			@Parameter(description = "Why the plaintext is needed (1-200 characters), recorded in the audit log")
			@RequestParam(required = false) String purpose) {
		Set<PersonalField> fields = PersonalField.parse(reveal);
		PartyMember member = fields.isEmpty() ? service.get(caller, id)
				: service.reveal(caller, id, fields, purpose(purpose));
		return personal(member);
	}

	@GetMapping("/me")
	@Operation(summary = "我的党员信息 The calling party member's own record")
	ResponseEntity<PartyMember> me(Caller caller, @Parameter(description = REVEAL_DOC) @RequestParam(required = false) List<String> reveal,
			@RequestParam(required = false) String purpose) {
		Set<PersonalField> fields = PersonalField.parse(reveal);
		PartyMember member = fields.isEmpty() ? service.me(caller) : service.revealMe(caller, fields, purpose(purpose));
		return personal(member);
	}

	@GetMapping
	@Operation(summary = "党员列表 List members you may see (always masked)",
			description = "Staff: members whose organization, mobile branch or community registration lies in your "
					+ "region. Cursor pagination; limit 1..100.")
	ResponseEntity<Page<PartyMember>> list(Caller caller, @RequestParam(required = false) UUID organizationId,
			@RequestParam(required = false) UUID mobileBranchId, @RequestParam(required = false) MemberCategory category,
			@RequestParam(required = false) MemberStatus status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(service.list(caller, organizationId, mobileBranchId, category, status, limit, cursor));
	}

	@PostMapping("/lookup")
	@Operation(summary = "按身份证号查找 Find a member by ID number (exact, through the blind index)",
			description = "The number travels in the body, never in a URL. Answer masked; 404 when absent or not visible.")
	ResponseEntity<PartyMember> lookup(Caller caller, @Valid @RequestBody IdNumberLookup request) {
		return personal(service.lookup(caller, request));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改党员信息 Change a member", description = "Staff of the home organization's region; If-Match.")
	ResponseEntity<PartyMember> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody MemberChange change) {
		return personal(service.change(caller, id, ETags.requireMatch(ifMatch), change));
	}

	@PostMapping("/{id}/transfers")
	@Operation(summary = "组织关系转接 Transfer a member",
			description = "To an organization of the district (toOrganizationId) or out of it (destination). Kept "
					+ "in the member's history.")
	ResponseEntity<Transfer> transfer(Caller caller, @PathVariable UUID id, @Valid @RequestBody TransferRequest request) {
		Transfer transfer = service.transfer(caller, id, request);
		return ResponseEntity.created(URI.create("/api/v1/party-members/" + id + "/transfers")).body(transfer);
	}

	@GetMapping("/{id}/transfers")
	@Operation(summary = "转接历史 A member's transfers, oldest first")
	Page<Transfer> transfers(Caller caller, @PathVariable UUID id) {
		return new Page<>(service.transfers(caller, id), null);
	}

	@PutMapping("/{id}/mobile-branch")
	@Operation(summary = "纳入流动党支部 Bring a mobile member under a mobile branch")
	MobileAssignment assignMobile(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody MobileAssignmentRequest request) {
		return service.assignMobile(caller, id, request);
	}

	@DeleteMapping("/{id}/mobile-branch")
	@Operation(summary = "离开流动党支部 Release a mobile member from their mobile branch")
	ResponseEntity<Void> releaseMobile(Caller caller, @PathVariable UUID id) {
		service.releaseMobile(caller, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/mobile-assignments")
	@Operation(summary = "流动党员管理历史 A member's mobile-branch periods, oldest first")
	Page<MobileAssignment> mobileAssignments(Caller caller, @PathVariable UUID id) {
		return new Page<>(service.mobileAssignments(caller, id), null);
	}

	private static ResponseEntity<PartyMember> personal(PartyMember member) {
		return ResponseEntity.ok().eTag(ETags.of(member.version())).cacheControl(CacheControl.noStore()).body(member);
	}

	private static String purpose(String purpose) {
		if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
			throw DomainProblem.invalidField("purpose", "purpose-required");
		}
		return purpose.strip();
	}
}
