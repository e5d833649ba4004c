package org.grassroots.grid.casework;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's case taxonomy and SLA rules. Every district starts with {@link DefaultTaxonomy}, seeded in its
 * first transaction that needs it; the district administrator changes categories and SLAs afterwards.
 */
@Service
public class Taxonomy {

	private final TaxonomyRepository repository;

	private final Set<String> seeded = ConcurrentHashMap.newKeySet();

	/**
	 * A district's categories and SLA rules (hours by {@code category|PRIORITY}, category {@code *} the district
	 * default) as read at {@code loadedAt}: every intake needs them, they change rarely.
	 */
	private record Cached(Map<String, Category> byCode, List<Category> all, Map<String, Integer> slaHours,
			long loadedAt) {
	}

	/** How long another replica's category or SLA change may take to show here. */
	static final long CACHE_MILLIS = 30_000;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	Taxonomy(TaxonomyRepository repository) {
		this.repository = repository;
	}

	/** The district's categories, from the cache or read in the current transaction. */
	private Cached categories() {
		String tenant = TenantContext.current();
		Cached cached = cache.get(tenant);
		if (cached != null && System.currentTimeMillis() - cached.loadedAt() < CACHE_MILLIS) {
			return cached;
		}
		ensureSeeded();
		List<Category> all = repository.all();
		Map<String, Category> byCode = new java.util.HashMap<>();
		all.forEach(c -> byCode.put(c.code(), c));
		Map<String, Integer> sla = new java.util.HashMap<>();
		repository.slaRules().forEach(r -> sla.put(r.category() + "|" + r.priority().name(), r.hours()));
		Cached fresh = new Cached(Map.copyOf(byCode), List.copyOf(all), Map.copyOf(sla), System.currentTimeMillis());
		cache.put(tenant, fresh);
		return fresh;
	}

	/** Inside a transaction of the tenant. */
	void ensureSeeded() {
		String tenant = TenantContext.current();
		if (seeded.contains(tenant)) {
			return;
		}
		if (!repository.anyCategory()) {
			for (Category category : DefaultTaxonomy.CATEGORIES) {
				repository.insertIfAbsent(tenant, category);
			}
		}
		seeded.add(tenant);
	}

	/** An active category or a 400 on {@code field}. Inside a transaction. */
	public Category requireActive(String code, String field) {
		ensureSeeded();
		if (code == null || code.isBlank()) {
			throw DomainProblem.invalidField(field, "category-required");
		}
		return java.util.Optional.ofNullable(categories().byCode().get(code)).filter(Category::active)
			.orElseThrow(() -> DomainProblem.invalidField(field, "category-unknown", code));
	}

	/** Any category, active or not (for showing old cases). Inside a transaction. */
	public java.util.Optional<Category> find(String code) {
		return java.util.Optional.ofNullable(categories().byCode().get(code));
	}

	/** Inside a transaction. */
	public List<Category> all() {
		return categories().all();
	}

	/**
	 * SLA hours for a category and priority: the district's rule for the category, else its default ({@code *}), else
	 * the platform default. From the cache (every intake asks). Inside a transaction.
	 */
	public int slaHours(String category, Priority priority) {
		Map<String, Integer> rules = categories().slaHours();
		Integer hours = rules.get(category + "|" + priority.name());
		if (hours == null) {
			hours = rules.get("*|" + priority.name());
		}
		return hours != null ? hours : DefaultTaxonomy.defaultHours(priority);
	}

	@Transactional
	public List<Category> list(Caller caller, boolean includeInactive) {
		if (caller.tenant() == null) {
			throw DomainProblem.forbidden();
		}
		return all().stream().filter(c -> includeInactive || c.active()).toList();
	}

	/** One category of the caller's district, active or not. */
	@Transactional
	public java.util.Optional<Category> get(Caller caller, String code) {
		if (caller.tenant() == null) {
			throw DomainProblem.forbidden();
		}
		return find(code);
	}

	@Transactional
	public Category put(Caller caller, String code, CategoryDraft draft) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
			throw DomainProblem.invalidField("code", "category-code-format");
		}
		ensureSeeded();
		List<CategoryAttribute> attributes = draft.attributes() == null ? List.of() : draft.attributes();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < attributes.size(); i++) {
			CategoryAttribute a = attributes.get(i);
			if (!codes.add(a.code())) {
				throw DomainProblem.invalidField("attributes[" + i + "].code", "attribute-duplicate");
			}
			if (a.isList() && (a.values() == null || a.values().isEmpty())) {
				throw DomainProblem.invalidField("attributes[" + i + "].values", "attribute-values-required");
			}
		}
		Category category = new Category(code, draft.name().strip(), draft.groupCode(), draft.groupName().strip(),
				draft.description() == null ? "" : draft.description().strip(),
				draft.keywords() == null ? List.of() : draft.keywords(),
				draft.defaultPriority() == null ? Priority.NORMAL : draft.defaultPriority(),
				draft.publicVisible() == null || draft.publicVisible(), new ArrayList<>(attributes),
				draft.active() == null || draft.active(), draft.sortOrder() == null ? 100 : draft.sortOrder());
		repository.upsert(caller.tenant(), category);
		evictOnCompletion(caller.tenant());
		return repository.find(code).orElseThrow();
	}

	/** Forgets the district's cache now and again once the change commits or rolls back. */
	private void evictOnCompletion(String tenant) {
		cache.remove(tenant);
		org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
				new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						cache.remove(tenant);
					}
				});
	}

	@Transactional(readOnly = true)
	public List<SlaRule> slaRules(Caller caller) {
		caller.requireAnyRole(org.grassroots.grid.support.Access.CASE_STAFF);
		return repository.slaRules();
	}

	@Transactional
	public List<SlaRule> replaceSla(Caller caller, List<SlaRule> rules) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		ensureSeeded();
		Map<String, Boolean> known = new java.util.HashMap<>();
		repository.all().forEach(c -> known.put(c.code(), true));
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < rules.size(); i++) {
			SlaRule rule = rules.get(i);
			if (!"*".equals(rule.category()) && !known.containsKey(rule.category())) {
				throw DomainProblem.invalidField("[" + i + "].category", "category-unknown", rule.category());
			}
			if (!keys.add(rule.category() + "|" + rule.priority())) {
				throw DomainProblem.invalidField("[" + i + "]", "sla-duplicate");
			}
		}
		repository.replaceSla(caller.tenant(), rules);
		evictOnCompletion(caller.tenant());
		return repository.slaRules();
	}
}
