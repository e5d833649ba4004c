package org.grassroots.center.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.grassroots.center.support.Access;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's service catalog (服务清单). A tenant's catalog is seeded with the standard 6 categories / 17 items the
 * first time anyone uses it; tenant admins add categories and items to it.
 */
@Service
public class CatalogService {

	private final CatalogRepository catalog;

	CatalogService(CatalogRepository catalog) {
		this.catalog = catalog;
	}

	@Transactional
	public List<ServiceCategory> list(Caller caller) {
		if (!caller.isAnonymous()) {
			caller.requireAnyRole(Access.ANY_PERSON);
		}
		ensureSeeded();
		return catalog.categories();
	}

	@Transactional
	public ServiceCategory addCategory(Caller caller, CategoryDraft draft) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		ensureSeeded();
		int sort = draft.sortOrder() == null ? catalog.nextSortOrder("service_category") : draft.sortOrder();
		catalog.insertCategory(caller.tenant(), draft.code(), draft.name().strip(), sort, false);
		return new ServiceCategory(draft.code(), draft.name().strip(), sort, List.of());
	}

	@Transactional
	public ServiceItem addItem(Caller caller, ItemDraft draft) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		ensureSeeded();
		if (!catalog.categoryExists(draft.categoryCode())) {
			throw DomainProblem.invalidField("categoryCode", "catalog-category-unknown");
		}
		int sort = draft.sortOrder() == null ? catalog.nextSortOrder("service_item") : draft.sortOrder();
		catalog.insertItem(caller.tenant(), draft.code(), draft.categoryCode(), draft.name().strip(),
				draft.description(), sort, false);
		return new ServiceItem(draft.code(), draft.categoryCode(), draft.name().strip(), draft.description(), sort,
				true);
	}

	/**
	 * Checks item codes a center is to offer: a 400 naming the unknown ones. Runs inside the caller's write
	 * transaction.
	 * @return the codes, de-duplicated, in the order given
	 */
	public List<String> requireItems(Collection<String> codes, String field) {
		if (codes == null || codes.isEmpty()) {
			return List.of();
		}
		ensureSeeded();
		Set<String> wanted = new LinkedHashSet<>(codes);
		Set<String> known = catalog.activeItems(wanted);
		List<String> unknown = new ArrayList<>();
		for (String code : wanted) {
			if (!known.contains(code)) {
				unknown.add(code);
			}
		}
		if (!unknown.isEmpty()) {
			throw DomainProblem.invalidField(field, "catalog-item-unknown", String.join(", ", unknown));
		}
		return List.copyOf(wanted);
	}

	/** Inserts the standard catalog for the current tenant if it has none (idempotent under races). */
	void ensureSeeded() {
		if (catalog.hasCategories()) {
			return;
		}
		String tenant = TenantContext.current();
		int categoryOrder = 0;
		int itemOrder = 0;
		for (CatalogSeed.Category category : CatalogSeed.CATEGORIES) {
			catalog.insertCategory(tenant, category.code(), category.name(), ++categoryOrder, true);
			for (CatalogSeed.Item item : category.items()) {
				catalog.insertItem(tenant, item.code(), category.code(), item.name(), item.description(), ++itemOrder,
						true);
			}
		}
	}
}
