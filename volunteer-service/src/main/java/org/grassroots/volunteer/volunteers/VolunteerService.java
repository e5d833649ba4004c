package org.grassroots.volunteer.volunteers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering and looking after volunteers. Staff act within their data scope (region subtree); volunteers may
 * register themselves.
 */
@Service
public class VolunteerService {

	static final String[] STAFF = { Roles.TENANT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF };

	private static final Pattern REGION = Pattern.compile("\\d{6}(/[0-9A-Za-z-]{1,32}){0,6}");

	private final VolunteerRepository volunteers;

	private final Outbox outbox;

	VolunteerService(VolunteerRepository volunteers, Outbox outbox) {
		this.volunteers = volunteers;
		this.outbox = outbox;
	}

	@Transactional
	public Volunteer register(Caller caller, VolunteerRegistration registration) {
		caller.requireAnyRole(concat(STAFF, Roles.VOLUNTEER)).requireScope("volunteers:write");
		validateRegion(caller, registration.region());
		if (!caller.covers(registration.region())) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "volunteer-region-outside-scope", caller.scopePrefix());
		}
		Volunteer volunteer = volunteers.insert(caller.tenant(), UUID.randomUUID(), registration);
		outbox.append("volunteer.registered", volunteer.id().toString(),
				Map.of("volunteerId", volunteer.id(), "region", volunteer.region()));
		return volunteer;
	}

	@Transactional(readOnly = true)
	public Volunteer get(Caller caller, UUID id) {
		caller.requireAnyRole(concat(STAFF, Roles.VOLUNTEER, Roles.INTEGRATOR)).requireScope("volunteers:read");
		Volunteer volunteer = volunteers.find(id).orElseThrow(() -> DomainProblem.notFound("志愿者", id));
		caller.requireCovers(volunteer.region(), "志愿者", id);
		return volunteer;
	}

	@Transactional(readOnly = true)
	public Page<Volunteer> list(Caller caller, String region, Integer limit, String cursor) {
		caller.requireAnyRole(concat(STAFF, Roles.INTEGRATOR)).requireScope("volunteers:read");
		String prefix = caller.scopePrefix();
		if (region != null && !region.isBlank()) {
			validateRegion(caller, region);
			if (!caller.covers(region)) {
				return new Page<>(List.of(), null);
			}
			prefix = region;
		}
		int size = Cursor.limit(limit);
		String after = Cursor.decode(cursor);
		UUID afterId;
		try {
			afterId = after == null ? null : UUID.fromString(after);
		}
		catch (IllegalArgumentException ex) {
			throw DomainProblem.invalidField("cursor", "cursor-invalid");
		}
		return Page.of(volunteers.page(prefix, afterId, size + 1), size, v -> v.id().toString());
	}

	@Transactional
	public Volunteer change(Caller caller, UUID id, long expectedVersion, VolunteerChange change) {
		caller.requireAnyRole(STAFF);
		Volunteer current = volunteers.find(id).orElseThrow(() -> DomainProblem.notFound("志愿者", id));
		caller.requireCovers(current.region(), "志愿者", id);
		String name = change.name() == null ? current.name() : change.name().strip();
		List<String> skills = change.skills() == null ? current.skills() : change.skills();
		VolunteerStatus status = change.status() == null ? current.status() : change.status();
		return volunteers.update(id, expectedVersion, name, skills, status)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
	}

	private static void validateRegion(Caller caller, String region) {
		if (!REGION.matcher(region).matches()) {
			throw DomainProblem.invalidField("region", "region-format");
		}
		if (!region.equals(caller.tenant()) && !region.startsWith(caller.tenant() + "/")) {
			throw DomainProblem.invalidField("region", "region-tenant");
		}
	}

	private static String[] concat(String[] roles, String... more) {
		String[] all = java.util.Arrays.copyOf(roles, roles.length + more.length);
		System.arraycopy(more, 0, all, roles.length, more.length);
		return all;
	}
}
