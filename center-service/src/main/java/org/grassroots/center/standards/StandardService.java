package org.grassroots.center.standards;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.grassroots.center.support.Access;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Site standards and star rubrics: tenant admins define them, staff read them. */
@Service
public class StandardService {

	public static final String STANDARD = "站点标准";

	public static final String RUBRIC = "星级评定细则";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final StandardRepository standards;

	StandardService(StandardRepository standards) {
		this.standards = standards;
	}

	@Transactional
	public SiteStandard createStandard(Caller caller, StandardDraft draft) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < draft.items().size(); i++) {
			if (!codes.add(draft.items().get(i).code())) {
				throw DomainProblem.invalidField("items[" + i + "].code", "code-duplicate");
			}
		}
		List<SiteStandard.ChecklistItem> items = draft.items()
			.stream()
			.map(i -> new SiteStandard.ChecklistItem(i.code(), i.text().strip()))
			.toList();
		return standards.insertStandard(caller.tenant(), new SiteStandard(UUID.randomUUID(), draft.code(),
				draft.name().strip(), draft.description(), items, null));
	}

	@Transactional(readOnly = true)
	public List<SiteStandard> standards(Caller caller) {
		caller.requireAnyRole(Access.READERS);
		return standards.standards();
	}

	@Transactional(readOnly = true)
	public SiteStandard standard(Caller caller, UUID id) {
		caller.requireAnyRole(Access.READERS);
		return standards.findStandard(id).orElseThrow(() -> DomainProblem.notFound(STANDARD, id));
	}

	@Transactional
	public StarRubric createRubric(Caller caller, RubricDraft draft) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		if (draft.standardId() != null && standards.findStandard(draft.standardId()).isEmpty()) {
			throw DomainProblem.invalidField("standardId", "rubric-standard-unknown");
		}
		Set<String> codes = new HashSet<>();
		BigDecimal weights = BigDecimal.ZERO;
		for (int i = 0; i < draft.indicators().size(); i++) {
			RubricDraft.Indicator indicator = draft.indicators().get(i);
			if (!codes.add(indicator.code())) {
				throw DomainProblem.invalidField("indicators[" + i + "].code", "code-duplicate");
			}
			weights = weights.add(indicator.weight());
			for (int j = 0; j < indicator.items().size(); j++) {
				if (!codes.add(indicator.items().get(j).code())) {
					throw DomainProblem.invalidField("indicators[" + i + "].items[" + j + "].code", "code-duplicate");
				}
			}
		}
		if (weights.compareTo(HUNDRED) != 0) {
			throw DomainProblem.invalidField("indicators", "rubric-weights-sum", weights.toPlainString());
		}
		for (int i = 1; i < draft.starThresholds().size(); i++) {
			if (draft.starThresholds().get(i).compareTo(draft.starThresholds().get(i - 1)) <= 0) {
				throw DomainProblem.invalidField("starThresholds", "rubric-thresholds-ascending");
			}
		}
		Set<Integer> tierStars = new HashSet<>();
		for (int i = 0; i < draft.rewardTiers().size(); i++) {
			if (!tierStars.add(draft.rewardTiers().get(i).stars())) {
				throw DomainProblem.invalidField("rewardTiers[" + i + "].stars", "rubric-tier-duplicate");
			}
		}
		StarRubric rubric = new StarRubric(UUID.randomUUID(), draft.name().strip(), draft.year(), draft.standardId(),
				draft.indicators().stream().map(i -> new StarRubric.Indicator(i.code(), i.name().strip(), i.weight(),
						i.items().stream().map(s -> new StarRubric.SubIndicator(s.code(), s.name().strip(), s.maxScore()))
							.toList()))
					.toList(),
				List.copyOf(draft.starThresholds()),
				draft.rewardTiers().stream().map(t -> new StarRubric.RewardTier(t.stars(), t.tier().strip(), t.amountFen()))
					.sorted(java.util.Comparator.comparingInt(StarRubric.RewardTier::stars))
					.toList(),
				null);
		return standards.insertRubric(caller.tenant(), rubric);
	}

	@Transactional(readOnly = true)
	public List<StarRubric> rubrics(Caller caller, Integer year) {
		caller.requireAnyRole(Access.READERS);
		return standards.rubrics(year);
	}

	@Transactional(readOnly = true)
	public StarRubric rubric(Caller caller, UUID id) {
		caller.requireAnyRole(Access.READERS);
		return requireRubric(id);
	}

	/** For the evaluation workflow, inside its transaction. */
	public StarRubric requireRubric(UUID id) {
		return standards.findRubric(id).orElseThrow(() -> DomainProblem.notFound(RUBRIC, id));
	}

	/** For the evaluation workflow, inside its transaction. */
	public SiteStandard findStandard(UUID id) {
		return id == null ? null : standards.findStandard(id).orElse(null);
	}
}
