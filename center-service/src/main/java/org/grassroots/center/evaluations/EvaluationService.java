package org.grassroots.center.evaluations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.grassroots.center.centers.CenterRef;
import org.grassroots.center.centers.Centers;
import org.grassroots.center.standards.SiteStandard;
import org.grassroots.center.standards.StandardService;
import org.grassroots.center.standards.StarRubric;
import org.grassroots.center.support.Access;
import org.grassroots.defaults.security.Regions;
import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly star evaluation (星级评定: 申报—评议—考核—定级—公布): APPLIED → REVIEWED → SCORED → RATED → PUBLISHED.
 * Each step has its roles (403 otherwise) and may only follow the previous one (409 {@code evaluation-illegal-step}
 * otherwise, also when two people race for the same step); each is recorded in the history.
 *
 * <table>
 * <tr><th>step</th><th>who</th></tr>
 * <tr><td>apply</td><td>community or street staff of the center's region</td></tr>
 * <tr><td>review</td><td>community or street staff of the center's region (records the representatives' opinion)</td></tr>
 * <tr><td>score</td><td>street staff of the center's region</td></tr>
 * <tr><td>rate, publish</td><td>tenant admins (the district)</td></tr>
 * </table>
 */
@Service
public class EvaluationService {

	static final String RESOURCE = "星级评定";

	static final String[] APPLY = { Roles.COMMUNITY_STAFF, Roles.STREET_STAFF };

	static final String[] REVIEW = { Roles.COMMUNITY_STAFF, Roles.STREET_STAFF };

	static final String[] SCORE = { Roles.STREET_STAFF };

	static final String[] RATE = { Roles.TENANT_ADMIN };

	private final EvaluationRepository evaluations;

	private final StandardService standards;

	private final Centers centers;

	private final Outbox outbox;

	EvaluationService(EvaluationRepository evaluations, StandardService standards, Centers centers, Outbox outbox) {
		this.evaluations = evaluations;
		this.standards = standards;
		this.centers = centers;
		this.outbox = outbox;
	}

	@Transactional
	public StarEvaluation apply(Caller caller, EvaluationRequests.Apply request) {
		caller.requireAnyRole(APPLY);
		CenterRef center = centers.require(caller, request.centerId());
		StarRubric rubric = standards.requireRubric(request.rubricId());
		int year = request.year() == null ? rubric.year() : request.year();
		if (year != rubric.year()) {
			throw DomainProblem.invalidField("year", "evaluation-year-rubric", rubric.year());
		}
		Map<String, Boolean> checklist = request.checklist() == null ? Map.of() : request.checklist();
		SiteStandard standard = standards.findStandard(rubric.standardId());
		if (standard != null) {
			Set<String> expected = new TreeSet<>();
			standard.items().forEach(i -> expected.add(i.code()));
			Set<String> unknown = new TreeSet<>(checklist.keySet());
			unknown.removeAll(expected);
			if (!unknown.isEmpty()) {
				throw DomainProblem.invalidField("checklist", "evaluation-checklist-unknown", String.join(", ", unknown));
			}
			Set<String> missing = new TreeSet<>(expected);
			missing.removeAll(checklist.keySet());
			if (!missing.isEmpty()) {
				throw DomainProblem.invalidField("checklist", "evaluation-checklist-incomplete", String.join(", ", missing));
			}
			if (checklist.containsValue(null)) {
				throw DomainProblem.invalidField("checklist", "evaluation-checklist-incomplete", "null");
			}
		}
		else if (!checklist.isEmpty()) {
			throw DomainProblem.invalidField("checklist", "evaluation-checklist-unknown", String.join(", ", checklist.keySet()));
		}
		Map<String, BigDecimal> selfScores = request.selfScores() == null ? Map.of() : request.selfScores();
		checkScores(rubric, selfScores, "selfScores", false);
		if (evaluations.exists(center.id(), year)) {
			throw DomainProblem.conflict("evaluation-exists", year);
		}
		UUID id = UUID.randomUUID();
		StarEvaluation.Application application = new StarEvaluation.Application(checklist, selfScores,
				blankToNull(request.summary()));
		evaluations.insert(caller.tenant(), id, center.id(), rubric.id(), year, application, caller.subject());
		evaluations.step(caller.tenant(), id, null, EvaluationStatus.APPLIED, caller.subject(), roles(caller),
				application.summary(), Map.of("checklist", checklist, "selfScores", selfScores));
		return evaluations.find(id).orElseThrow();
	}

	@Transactional
	public StarEvaluation review(Caller caller, UUID id, EvaluationRequests.Review request) {
		StarEvaluation evaluation = visible(caller, id);
		caller.requireAnyRole(REVIEW);
		requireAt(evaluation, EvaluationStatus.APPLIED, "review");
		if (request.approvals() > request.representatives()) {
			throw DomainProblem.invalidField("approvals", "evaluation-approvals-exceed");
		}
		StarEvaluation.Review review = new StarEvaluation.Review(request.representatives(), request.approvals(),
				request.opinion().strip(), caller.subject());
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("review", review);
		return advance(caller, evaluation, EvaluationStatus.REVIEWED, columns, review.opinion(),
				Map.of("representatives", review.representatives(), "approvals", review.approvals()), "review");
	}

	@Transactional
	public StarEvaluation score(Caller caller, UUID id, EvaluationRequests.Score request) {
		StarEvaluation evaluation = visible(caller, id);
		caller.requireAnyRole(SCORE);
		requireAt(evaluation, EvaluationStatus.REVIEWED, "score");
		StarRubric rubric = standards.requireRubric(evaluation.rubricId());
		checkScores(rubric, request.scores(), "scores", true);
		BigDecimal total = rubric.total(request.scores());
		int suggested = rubric.stars(total);
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("scores", new StarEvaluation.Scoring(request.scores(), blankToNull(request.note()), caller.subject()));
		columns.put("total_score", total);
		columns.put("suggested_stars", suggested);
		return advance(caller, evaluation, EvaluationStatus.SCORED, columns, blankToNull(request.note()),
				Map.of("totalScore", total, "suggestedStars", suggested, "scores", request.scores()), "score");
	}

	@Transactional
	public StarEvaluation rate(Caller caller, UUID id, EvaluationRequests.Rate request) {
		StarEvaluation evaluation = visible(caller, id);
		caller.requireAnyRole(RATE);
		requireAt(evaluation, EvaluationStatus.SCORED, "rate");
		int stars = request.stars() == null ? evaluation.suggestedStars() : request.stars();
		String note = blankToNull(request.note());
		if (stars != evaluation.suggestedStars() && note == null) {
			throw DomainProblem.invalidField("note", "evaluation-override-needs-note");
		}
		StarRubric rubric = standards.requireRubric(evaluation.rubricId());
		StarRubric.RewardTier tier = rubric.reward(stars);
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("stars", stars);
		columns.put("reward_tier", tier == null ? null : tier.tier());
		columns.put("reward_fen", tier == null ? 0L : tier.amountFen());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("stars", stars);
		details.put("suggestedStars", evaluation.suggestedStars());
		details.put("rewardTier", tier == null ? null : tier.tier());
		details.put("rewardFen", tier == null ? 0L : tier.amountFen());
		return advance(caller, evaluation, EvaluationStatus.RATED, columns, note, details, "rate");
	}

	@Transactional
	public StarEvaluation publish(Caller caller, UUID id, EvaluationRequests.Publish request) {
		StarEvaluation evaluation = visible(caller, id);
		caller.requireAnyRole(RATE);
		requireAt(evaluation, EvaluationStatus.RATED, "publish");
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("published_at", OffsetDateTime.now());
		StarEvaluation published = advance(caller, evaluation, EvaluationStatus.PUBLISHED, columns,
				request == null ? null : blankToNull(request.note()), Map.of("stars", evaluation.stars()), "publish");
		centers.publishStars(caller.tenant(), evaluation.centerId(), evaluation.stars(), evaluation.year());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("evaluationId", id);
		event.put("centerId", evaluation.centerId());
		event.put("year", evaluation.year());
		event.put("stars", evaluation.stars());
		event.put("rewardTier", evaluation.rewardTier());
		event.put("rewardFen", evaluation.rewardFen());
		outbox.append("star-evaluation.published", id.toString(), event);
		return published;
	}

	@Transactional(readOnly = true)
	public StarEvaluation get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.READERS);
		return visible(caller, id);
	}

	@Transactional(readOnly = true)
	public List<EvaluationStep> history(Caller caller, UUID id) {
		caller.requireAnyRole(Access.READERS);
		visible(caller, id);
		return evaluations.history(id);
	}

	@Transactional(readOnly = true)
	public Page<StarEvaluation> list(Caller caller, String region, Integer year, EvaluationStatus status, UUID centerId,
			Integer limit, String cursor) {
		caller.requireAnyRole(Access.READERS);
		String prefix = caller.scopePrefix();
		if (region != null && !region.isBlank()) {
			Regions.requireInTenant(caller, "region", region);
			if (!caller.covers(region)) {
				return new Page<>(List.of(), null);
			}
			prefix = region;
		}
		int size = Cursor.limit(limit);
		return Page.of(evaluations.page(prefix, year, status, centerId, Cursor.afterId(cursor), size + 1), size,
				e -> e.id().toString());
	}

	private StarEvaluation visible(Caller caller, UUID id) {
		StarEvaluation evaluation = evaluations.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		CenterRef center = centers.find(evaluation.centerId()).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(center.region(), RESOURCE, id);
		return evaluation;
	}

	private static void requireAt(StarEvaluation evaluation, EvaluationStatus expected, String step) {
		if (evaluation.status() != expected) {
			throw DomainProblem.conflict("evaluation-illegal-step", step, evaluation.status().name(), expected.name());
		}
	}

	private StarEvaluation advance(Caller caller, StarEvaluation evaluation, EvaluationStatus to,
			Map<String, Object> columns, String note, Map<String, Object> details, String step) {
		if (!evaluations.advance(evaluation.id(), evaluation.status(), to, columns)) {
			StarEvaluation now = evaluations.find(evaluation.id()).orElseThrow();
			throw DomainProblem.conflict("evaluation-illegal-step", step, now.status().name(), evaluation.status().name());
		}
		evaluations.step(caller.tenant(), evaluation.id(), evaluation.status(), to, caller.subject(), roles(caller),
				note, details);
		return evaluations.find(evaluation.id()).orElseThrow();
	}

	/** Scores by second-level code: known codes, within 0..max; with {@code complete} every code present. */
	private static void checkScores(StarRubric rubric, Map<String, BigDecimal> scores, String field, boolean complete) {
		Map<String, BigDecimal> max = new LinkedHashMap<>();
		rubric.indicators().forEach(i -> i.items().forEach(s -> max.put(s.code(), s.maxScore())));
		List<String> unknown = new ArrayList<>();
		for (Map.Entry<String, BigDecimal> score : scores.entrySet()) {
			BigDecimal limit = max.get(score.getKey());
			if (limit == null) {
				unknown.add(score.getKey());
			}
			else if (score.getValue() == null || score.getValue().signum() < 0 || score.getValue().compareTo(limit) > 0) {
				throw DomainProblem.invalidField(field + "." + score.getKey(), "evaluation-score-range",
						limit.toPlainString());
			}
		}
		if (!unknown.isEmpty()) {
			throw DomainProblem.invalidField(field, "evaluation-score-unknown", String.join(", ", unknown));
		}
		if (complete) {
			List<String> missing = max.keySet().stream().filter(code -> !scores.containsKey(code)).toList();
			if (!missing.isEmpty()) {
				throw DomainProblem.invalidField(field, "evaluation-score-missing", String.join(", ", missing));
			}
		}
	}

	private static String roles(Caller caller) {
		return String.join(",", new TreeSet<>(caller.roles()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
