package org.grassroots.member.evaluations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.member.support.Access;
import org.grassroots.defaults.security.Regions;
import org.grassroots.member.support.TenantClock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual evaluation of central households (以奖代补): the district sets the year's policy; staff compute the
 * indicators for their region; the community scores, then the street; the district finalizes (final score,
 * grade, reward in fen) and the finalized list is ranked for the top-hundred selection.
 */
@Service
public class EvaluationService {

	static final String RESOURCE = "年度考评";

	private final EvaluationRepository evaluations;

	private final TenantClock clock;

	EvaluationService(EvaluationRepository evaluations, TenantClock clock) {
		this.evaluations = evaluations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PolicyView policy(Caller caller, int year) {
		caller.requireAnyRole(Access.STAFF);
		checkYear(year);
		return view(year);
	}

	@Transactional
	public PolicyView setPolicy(Caller caller, int year, EvaluationPolicy policy) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		checkYear(year);
		if (policy.indicatorWeight() + policy.communityWeight() + policy.streetWeight() != 100) {
			throw DomainProblem.invalidField("indicatorWeight", "weights-sum");
		}
		if (policy.excellentMin() < policy.goodMin() || policy.goodMin() < policy.passMin()) {
			throw DomainProblem.invalidField("excellentMin", "thresholds-order");
		}
		if (evaluations.anyFinalized(year)) {
			throw DomainProblem.conflict("evaluation-year-finalized", year);
		}
		evaluations.savePolicy(caller.tenant(), year, policy, caller.subject());
		return view(year);
	}

	@Transactional
	public RunResult compute(Caller caller, int year) {
		caller.requireAnyRole(Access.STAFF);
		checkYear(year);
		String prefix = Access.tenantWide(caller) ? null : caller.scopePrefix();
		LocalDate from = LocalDate.of(year, 1, 1);
		int affected = evaluations.compute(caller.tenant(), year, from, from.plusYears(1), clock.startOfYear(year),
				clock.startOfYear(year + 1), prefix, effectivePolicy(year));
		return new RunResult(year, affected, 0);
	}

	@Transactional(readOnly = true)
	public Evaluation get(Caller caller, UUID id) {
		return readable(caller, id);
	}

	@Transactional(readOnly = true)
	public Page<Evaluation> list(Caller caller, int year, String region, EvaluationStatus status, Integer limit,
			String cursor) {
		caller.requireAnyRole(Access.STAFF);
		checkYear(year);
		String prefix = Access.tenantWide(caller) ? null : caller.scopePrefix();
		if (region != null) {
			Regions.requireInTenant(caller, "region", region);
			if (prefix != null && !Regions.within(region, prefix)) {
				return new Page<>(List.of(), null);
			}
			prefix = region;
		}
		int size = Cursor.limit(limit);
		return Page.of(evaluations.page(year, prefix, status, Cursor.afterId(cursor), size + 1), size,
				e -> e.id().toString());
	}

	/** The community's score: community staff of the evaluation's region, before the street has scored. */
	@Transactional
	public Evaluation scoreCommunity(Caller caller, UUID id, long version, Score score) {
		caller.requireAnyRole(Roles.COMMUNITY_STAFF);
		Evaluation evaluation = readable(caller, id);
		if (evaluation.status() != EvaluationStatus.OPEN && evaluation.status() != EvaluationStatus.COMMUNITY_SCORED) {
			throw DomainProblem.conflict("evaluation-step", evaluation.status());
		}
		if (evaluations.scoreCommunity(id, version, score.score(), score.comment(), caller.subject()) == 0) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
		return evaluations.find(id).orElseThrow();
	}

	/** The street's score: street staff of the evaluation's region, after the community's, before finalization. */
	@Transactional
	public Evaluation scoreStreet(Caller caller, UUID id, long version, Score score) {
		caller.requireAnyRole(Roles.STREET_STAFF);
		Evaluation evaluation = readable(caller, id);
		if (evaluation.status() != EvaluationStatus.COMMUNITY_SCORED
				&& evaluation.status() != EvaluationStatus.STREET_SCORED) {
			throw DomainProblem.conflict("evaluation-step", evaluation.status());
		}
		if (evaluations.scoreStreet(id, version, score.score(), score.comment(), caller.subject()) == 0) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
		return evaluations.find(id).orElseThrow();
	}

	/** Finalizes every street-scored evaluation of the year under the year's policy (district admins). */
	@Transactional
	public RunResult finalizeYear(Caller caller, int year) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		checkYear(year);
		int finalized = evaluations.finalizeYear(year, effectivePolicy(year), caller.subject());
		return new RunResult(year, finalized, evaluations.notReady(year));
	}

	@Transactional(readOnly = true)
	public Page<Candidate> candidates(Caller caller, int year, Integer limit, String cursor) {
		caller.requireAnyRole(Access.staffAnd(Roles.INTEGRATOR)).requireScope(Access.READ_SCOPE);
		checkYear(year);
		String prefix = Access.tenantWide(caller) ? null : caller.scopePrefix();
		int size = Cursor.limit(limit == null ? Cursor.MAX_LIMIT : limit);
		BigDecimal afterFinal = null;
		BigDecimal afterIndicator = null;
		UUID afterId = null;
		String position = Cursor.decode(cursor);
		if (position != null) {
			try {
				String[] parts = position.split("\\|");
				afterFinal = new BigDecimal(parts[0]);
				afterIndicator = new BigDecimal(parts[1]);
				afterId = UUID.fromString(parts[2]);
			}
			catch (RuntimeException ex) {
				throw DomainProblem.invalidField("cursor", "cursor-invalid");
			}
		}
		return Page.of(evaluations.candidates(year, prefix, afterFinal, afterIndicator, afterId, size + 1), size,
				c -> c.finalScore().toPlainString() + "|" + c.indicatorScore().toPlainString() + "|" + c.evaluationId());
	}

	private Evaluation readable(Caller caller, UUID id) {
		caller.requireAnyRole(Access.STAFF);
		Evaluation evaluation = evaluations.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		if (!caller.covers(evaluation.region())) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		return evaluation;
	}

	private EvaluationPolicy effectivePolicy(int year) {
		return evaluations.policy(year).map(EvaluationRepository.StoredPolicy::policy).orElse(EvaluationPolicy.defaults());
	}

	private PolicyView view(int year) {
		boolean locked = evaluations.anyFinalized(year);
		return evaluations.policy(year)
			.map(p -> new PolicyView(year, p.policy(), false, locked, p.version()))
			.orElse(new PolicyView(year, EvaluationPolicy.defaults(), true, locked, 0));
	}

	private void checkYear(int year) {
		if (year < 2000 || year > clock.today().getYear() + 1) {
			throw DomainProblem.invalidField("year", "year-range");
		}
	}
}
