package org.grassroots.member.training;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.member.organizations.OrganizationService;
import org.grassroots.member.support.Access;
import org.grassroots.defaults.security.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training courses and attendance. Staff organize courses in their region and record who attended (members of
 * any organization of the district may attend); attendance counts in the annual evaluation.
 */
@Service
public class TrainingService {

	static final String RESOURCE = "培训课程";

	private final TrainingRepository trainings;

	private final OrganizationService organizations;

	TrainingService(TrainingRepository trainings, OrganizationService organizations) {
		this.trainings = trainings;
		this.organizations = organizations;
	}

	@Transactional
	public TrainingCourse create(Caller caller, NewCourse request) {
		caller.requireAnyRole(Access.STAFF);
		Regions.requireInTenant(caller, "region", request.region());
		Access.requireScope(caller, request.region());
		if (request.organizationId() != null) {
			organizations.require(request.organizationId());
		}
		UUID id = UUID.randomUUID();
		trainings.insert(caller.tenant(), id, request, caller.subject());
		return trainings.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public TrainingCourse get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.staffAnd(Roles.PARTY_MEMBER));
		return trainings.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
	}

	/** Staff see courses of their region; party members every course of the district (to find one to attend). */
	@Transactional(readOnly = true)
	public Page<TrainingCourse> list(Caller caller, String region, OffsetDateTime from, OffsetDateTime to,
			Integer limit, String cursor) {
		caller.requireAnyRole(Access.staffAnd(Roles.PARTY_MEMBER));
		String prefix = Access.isStaff(caller) && !Access.tenantWide(caller) ? caller.scopePrefix() : null;
		if (region != null) {
			Regions.requireInTenant(caller, "region", region);
			if (prefix != null && !Regions.within(region, prefix)) {
				return new Page<>(List.of(), null);
			}
			prefix = region;
		}
		int size = Cursor.limit(limit);
		return Page.of(trainings.page(prefix, from, to, Cursor.afterId(cursor), size + 1), size, c -> c.id().toString());
	}

	@Transactional
	public AttendanceResult attend(Caller caller, UUID id, AttendanceRequest request) {
		TrainingCourse course = managed(caller, id);
		List<UUID> memberIds = List.copyOf(new LinkedHashSet<>(request.memberIds()));
		List<UUID> unknown = trainings.unknownMembers(memberIds);
		if (!unknown.isEmpty()) {
			throw new DomainProblem(HttpStatus.NOT_FOUND, "member-not-found", unknown.size(),
					unknown.stream().limit(10).map(UUID::toString).reduce((a, b) -> a + ", " + b).orElse(""));
		}
		int recorded = trainings.attend(caller.tenant(), course.id(), memberIds, caller.subject());
		return new AttendanceResult(recorded, memberIds.size() - recorded);
	}

	@Transactional
	public void removeAttendance(Caller caller, UUID id, UUID memberId) {
		managed(caller, id);
		if (!trainings.remove(id, memberId)) {
			throw DomainProblem.notFound("参训记录", memberId);
		}
	}

	@Transactional(readOnly = true)
	public Page<Attendance> attendance(Caller caller, UUID id, Integer limit, String cursor) {
		managed(caller, id);
		int size = Cursor.limit(limit);
		return Page.of(trainings.attendance(id, Cursor.afterId(cursor), size + 1), size, a -> a.memberId().toString());
	}

	private TrainingCourse managed(Caller caller, UUID id) {
		caller.requireAnyRole(Access.STAFF);
		TrainingCourse course = trainings.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		if (!caller.covers(course.region())) {
			throw DomainProblem.notFound(RESOURCE, id);
		}
		return course;
	}
}
