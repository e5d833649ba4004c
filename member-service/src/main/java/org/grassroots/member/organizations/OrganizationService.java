package org.grassroots.member.organizations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.grassroots.member.support.Access;
import org.grassroots.defaults.security.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party organization tree. Staff found, change and move organizations within their region; the structure
 * itself is no personal data, so everyone working in the district may read all of it (transfers need targets
 * outside one's own street).
 */
@Service
public class OrganizationService {

	static final String RESOURCE = "党组织";

	private static final String[] READERS = Access.staffAnd(Roles.GRID_HEAD, Roles.GRID_WORKER, Roles.PARTY_MEMBER,
			Roles.AUDITOR, Roles.INTEGRATOR);

	private final OrganizationRepository organizations;

	OrganizationService(OrganizationRepository organizations) {
		this.organizations = organizations;
	}

	@Transactional
	public PartyOrganization create(Caller caller, NewOrganization request) {
		caller.requireAnyRole(Access.STAFF);
		Regions.requireInTenant(caller, "region", request.region());
		Access.requireScope(caller, request.region());
		OrganizationCategory category = request.category() == null ? OrganizationCategory.REGULAR : request.category();
		checkCategory(request.level(), category, request.gridId(), request.socialOrganizations());
		if (request.parentId() != null) {
			PartyOrganization parent = organizations.find(request.parentId())
				.orElseThrow(() -> DomainProblem.notFound(RESOURCE, request.parentId()));
			if (parent.status() != OrganizationStatus.ACTIVE) {
				throw DomainProblem.conflict("organization-dissolved", parent.name());
			}
			if (!parent.level().mayContain(request.level())) {
				throw DomainProblem.invalidField("level", "level-under-parent", parent.level());
			}
			if (!Regions.within(request.region(), parent.region())) {
				throw DomainProblem.invalidField("region", "region-outside-parent", parent.region());
			}
		}
		return organizations.insert(caller.tenant(), UUID.randomUUID(), request, category);
	}

	@Transactional(readOnly = true)
	public PartyOrganization get(Caller caller, UUID id) {
		requireReader(caller);
		return require(id);
	}

	@Transactional(readOnly = true)
	public Page<PartyOrganization> list(Caller caller, UUID parentId, String region, OrganizationLevel level,
			OrganizationCategory category, OrganizationStatus status, Integer limit, String cursor) {
		requireReader(caller);
		if (region != null) {
			Regions.requireInTenant(caller, "region", region);
		}
		int size = Cursor.limit(limit);
		return Page.of(organizations.page(parentId, region, level, category, status, Cursor.afterId(cursor), size + 1),
				size, o -> o.id().toString());
	}

	@Transactional
	public PartyOrganization change(Caller caller, UUID id, long expectedVersion, OrganizationChange change) {
		caller.requireAnyRole(Access.STAFF);
		PartyOrganization current = require(id);
		Access.requireScope(caller, current.region());
		List<String> socials = change.socialOrganizations() == null ? current.socialOrganizations()
				: change.socialOrganizations().stream().map(String::strip).toList();
		checkCategory(current.level(), current.category(), current.gridId(), socials);
		OrganizationStatus status = change.status() == null ? current.status() : change.status();
		if (status == OrganizationStatus.DISSOLVED && current.status() == OrganizationStatus.ACTIVE) {
			if (organizations.hasActiveChildren(id)) {
				throw DomainProblem.conflict("organization-has-children", current.name());
			}
			if (organizations.hasActiveMembers(id)) {
				throw DomainProblem.conflict("organization-has-members", current.name());
			}
		}
		String name = change.name() == null ? current.name() : change.name().strip();
		String phone = change.contactPhone() == null ? current.contactPhone() : change.contactPhone();
		return organizations.update(id, expectedVersion, name, phone, socials, status)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
	}

	/**
	 * Moves an organization under another parent and/or to another region. Moves are serialized per district, so
	 * the tree never gets a cycle; the subtree must still fit inside the new region; the move is recorded.
	 */
	@Transactional
	public PartyOrganization move(Caller caller, UUID id, Long expectedVersion, MoveRequest request) {
		caller.requireAnyRole(Access.STAFF);
		if (request.region() != null) {
			Regions.requireInTenant(caller, "region", request.region());
		}
		organizations.lockTree(caller.tenant());
		PartyOrganization current = organizations.findForUpdate(id)
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		Access.requireScope(caller, current.region());
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
		if (current.status() != OrganizationStatus.ACTIVE) {
			throw DomainProblem.conflict("organization-dissolved", current.name());
		}
		UUID parentId = request.parentId() == null ? current.parentId() : request.parentId();
		String region = request.region() == null ? current.region() : request.region();
		if (Objects.equals(parentId, current.parentId()) && region.equals(current.region())) {
			throw DomainProblem.badRequest("move-changes-nothing");
		}
		Access.requireScope(caller, region);
		if (parentId != null) {
			PartyOrganization parent = organizations.find(parentId)
				.orElseThrow(() -> DomainProblem.notFound(RESOURCE, request.parentId()));
			Access.requireScope(caller, parent.region());
			if (parent.status() != OrganizationStatus.ACTIVE) {
				throw DomainProblem.conflict("organization-dissolved", parent.name());
			}
			if (organizations.inSubtree(id, parentId)) {
				throw DomainProblem.conflict("organization-move-cycle", current.name(), parent.name());
			}
			if (!parent.level().mayContain(current.level())) {
				throw DomainProblem.invalidField("parentId", "level-under-parent", parent.level());
			}
			if (!Regions.within(region, parent.region())) {
				throw DomainProblem.invalidField("region", "region-outside-parent", parent.region());
			}
		}
		if (!region.equals(current.region())) {
			List<String> outside = organizations.descendantsOutside(id, region);
			if (!outside.isEmpty()) {
				throw DomainProblem.conflict("organization-move-strands-children", String.join("、", outside));
			}
		}
		PartyOrganization moved = organizations.move(id, parentId, region);
		organizations.insertMove(caller.tenant(), new OrganizationMove(UUID.randomUUID(), id, current.parentId(),
				parentId, current.region(), region, request.reason(), caller.subject(), null));
		return moved;
	}

	@Transactional(readOnly = true)
	public List<OrganizationMove> moves(Caller caller, UUID id) {
		requireReader(caller);
		require(id);
		return organizations.moves(id);
	}

	// ---- for other features ------------------------------------------------------------------------------

	/** The organization, or a 404 problem. Call inside a transaction. */
	public PartyOrganization require(UUID id) {
		return organizations.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
	}

	/** Organizations by id; absent ids are simply missing from the map. Call inside a transaction. */
	public Map<UUID, PartyOrganization> findAll(Collection<UUID> ids) {
		return organizations.findAll(ids).stream().collect(Collectors.toMap(PartyOrganization::id, Function.identity()));
	}

	private static void requireReader(Caller caller) {
		caller.requireAnyRole(READERS).requireScope(Access.READ_SCOPE);
	}

	private static void checkCategory(OrganizationLevel level, OrganizationCategory category, UUID gridId,
			List<String> socials) {
		switch (category) {
			case GRID:
				if (gridId == null) {
					throw DomainProblem.invalidField("gridId", "grid-branch-needs-grid");
				}
				if (level == OrganizationLevel.GROUP) {
					throw DomainProblem.invalidField("level", "category-level", category);
				}
				break;
			case BUILDING:
				if (level != OrganizationLevel.GROUP) {
					throw DomainProblem.invalidField("level", "category-level", category);
				}
				break;
			case MOBILE:
				if (level != OrganizationLevel.BRANCH && level != OrganizationLevel.GENERAL_BRANCH) {
					throw DomainProblem.invalidField("level", "category-level", category);
				}
				break;
			case JOINT:
				if (socials == null || socials.isEmpty()) {
					throw DomainProblem.invalidField("socialOrganizations", "joint-branch-needs-organizations");
				}
				if (level != OrganizationLevel.BRANCH) {
					throw DomainProblem.invalidField("level", "category-level", category);
				}
				break;
			default:
				break;
		}
	}
}
