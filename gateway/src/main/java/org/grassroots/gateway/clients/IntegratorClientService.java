package org.grassroots.gateway.clients;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.grassroots.gateway.invalidation.Invalidation;
import org.grassroots.gateway.invalidation.InvalidationBus;
import org.grassroots.gateway.paging.Page;
import org.grassroots.gateway.paging.PageRequest;
import org.grassroots.gateway.persistence.Blocking;
import org.grassroots.gateway.problem.FieldProblem;
import org.grassroots.gateway.problem.ProblemException;
import org.grassroots.gateway.problem.ProblemType;
import org.springframework.stereotype.Service;

/**
 * Issue, list and revoke a district's integrator clients. Every operation is confined to the caller's tenant by
 * row-level security, so another district's client id is simply not found.
 */
@Service
public class IntegratorClientService {

	private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9-]{0,39}(:[a-z][a-z0-9-]{0,39}){0,3}");

	private final IntegratorClientRepository repository;

	private final ApiKeyHasher hasher;

	private final InvalidationBus invalidations;

	private final SecureRandom random = new SecureRandom();

	IntegratorClientService(IntegratorClientRepository repository, ApiKeyHasher hasher, InvalidationBus invalidations) {
		this.repository = repository;
		this.hasher = hasher;
		this.invalidations = invalidations;
	}

	/** Issues a client and its key; the plain key is in the result only, never stored. */
	public Mono<IssuedClient> issue(String tenant, String name, List<String> scopes, int rateLimitPerMinute,
			List<String> allowedIps) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> cleanScopes = new ArrayList<>(new LinkedHashSet<>(scopes == null ? List.of() : scopes));
		for (int i = 0; i < cleanScopes.size(); i++) {
			String scope = cleanScopes.get(i);
			if (scope == null || !SCOPE.matcher(scope).matches()) {
				problems.add(FieldProblem.of("scopes[" + i + "]", "field.client.scope"));
			}
		}
		List<String> networks = new ArrayList<>();
		List<String> ips = allowedIps == null ? List.of() : allowedIps;
		for (int i = 0; i < ips.size(); i++) {
			try {
				networks.add(CidrBlock.parse(ips.get(i)).toString());
			}
			catch (IllegalArgumentException ex) {
				problems.add(FieldProblem.of("allowedIps[" + i + "]", "field.client.ip"));
			}
		}
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.validation(problems));
		}
		String key = ApiKeys.generate(random);
		return Blocking.call(() -> repository.insert(tenant, name.strip(), ApiKeys.displayPrefix(key), hasher.hash(key),
				cleanScopes, rateLimitPerMinute, networks.stream().distinct().toList()))
			.map(client -> IssuedClient.of(client, key));
	}

	public Mono<Page<IntegratorClient>> list(String tenant, PageRequest page) {
		UUID after = page.after() == null ? null : parseCursor(page.after());
		return Blocking.call(() -> page.page(repository.list(tenant, after, page.limit() + 1), c -> c.id().toString()));
	}

	public Mono<IntegratorClient> get(String tenant, String id) {
		UUID clientId = parseId(id);
		return Blocking.call(() -> repository.find(tenant, clientId).orElseThrow(() -> notFound(id)));
	}

	/** Revokes the key: effective at once here and within seconds on every replica. */
	public Mono<IntegratorClient> revoke(String tenant, String id) {
		UUID clientId = parseId(id);
		return Blocking.call(() -> repository.revoke(tenant, clientId).orElseThrow(() -> notFound(id)))
			.flatMap(client -> invalidations.publish(Invalidation.client(client.id().toString())).thenReturn(client));
	}

	private static UUID parseId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			// not a client id at all: to the caller that is the same as someone else's client
			throw notFound(id);
		}
	}

	private static UUID parseCursor(String cursor) {
		try {
			return UUID.fromString(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.of(ProblemType.BAD_REQUEST, "bad-request.detail.cursor");
		}
	}

	private static ProblemException notFound(String id) {
		return ProblemException.of(ProblemType.NOT_FOUND, "not-found.detail.client", id);
	}

}
