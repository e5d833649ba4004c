package org.grassroots.gateway.tenants;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.grassroots.gateway.invalidation.Invalidation;
import org.grassroots.gateway.invalidation.InvalidationBus;
import org.grassroots.gateway.paging.Page;
import org.grassroots.gateway.paging.PageRequest;
import org.grassroots.gateway.persistence.Blocking;
import org.grassroots.gateway.problem.FieldProblem;
import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Onboarding and maintenance of districts by platform operators.
 */
@Service
public class TenantService {

	static final int MAX_SETTINGS_BYTES = 16 * 1024;

	private final TenantRepository repository;

	private final InvalidationBus invalidations;

	private final JsonMapper json;

	TenantService(TenantRepository repository, InvalidationBus invalidations, JsonMapper json) {
		this.repository = repository;
		this.invalidations = invalidations;
		this.json = json;
	}

	public Mono<Tenant> create(String code, String name, Map<String, Object> settings) {
		Map<String, Object> effective = new LinkedHashMap<>();
		effective.put("timeZone", Tenant.DEFAULT_TIME_ZONE);
		if (settings != null) {
			effective.putAll(settings);
			effective.values().removeIf(java.util.Objects::isNull);
		}
		validateSettings(effective);
		return Blocking.call(() -> {
			try {
				return repository.insert(code, name.strip(), effective);
			}
			catch (DuplicateKeyException ex) {
				throw ProblemException.of(ProblemType.TENANT_EXISTS, null, code);
			}
		}).flatMap(tenant -> invalidations.publish(Invalidation.tenant(code)).thenReturn(tenant));
	}

	public Mono<Tenant> get(String code) {
		return Blocking.call(() -> repository.find(code)
			.orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "not-found.detail.tenant", code)));
	}

	public Mono<Page<Tenant>> list(PageRequest page) {
		return Blocking.call(() -> page.page(repository.list(page.after(), page.limit() + 1), Tenant::code));
	}

	/**
	 * Applies a partial change if the caller saw the current version. Settings merge key by key; a key set to
	 * {@code null} is removed.
	 */
	public Mono<Tenant> update(String code, long expectedVersion, String name, TenantStatus status,
			Map<String, Object> settings) {
		return Blocking.call(() -> {
			Tenant current = repository.find(code)
				.orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "not-found.detail.tenant", code));
			if (current.version() != expectedVersion) {
				throw ProblemException.of(ProblemType.PRECONDITION_FAILED, null, current.etag());
			}
			Map<String, Object> merged = new LinkedHashMap<>(current.settings());
			if (settings != null) {
				settings.forEach((key, value) -> {
					if (value == null) {
						merged.remove(key);
					}
					else {
						merged.put(key, value);
					}
				});
				validateSettings(merged);
			}
			return repository
				.update(code, expectedVersion, name != null ? name.strip() : current.name(),
						status != null ? status : current.status(), merged)
				// changed between our read and write: same answer as a stale If-Match
				.orElseThrow(() -> ProblemException.of(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail.generic"));
		}).flatMap(tenant -> invalidations.publish(Invalidation.tenant(code)).thenReturn(tenant));
	}

	private void validateSettings(Map<String, Object> settings) {
		List<FieldProblem> problems = new ArrayList<>();
		Object timeZone = settings.get("timeZone");
		if (timeZone != null) {
			if (!(timeZone instanceof String zone) || !isZone(zone)) {
				problems.add(FieldProblem.of("settings.timeZone", "field.tenant.timeZone"));
			}
		}
		if (json.writeValueAsBytes(settings).length > MAX_SETTINGS_BYTES) {
			problems.add(FieldProblem.of("settings", "field.tenant.settings.size"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.validation(problems);
		}
	}

	private static boolean isZone(String zone) {
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
