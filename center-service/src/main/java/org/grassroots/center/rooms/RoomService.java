package org.grassroots.center.rooms;

import java.util.List;
import java.util.UUID;

import org.grassroots.center.centers.CenterRef;
import org.grassroots.center.centers.Centers;
import org.grassroots.center.support.Access;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rooms of centers. Staff manage the rooms of centers in their region; anyone of the district may see them. */
@Service
public class RoomService {

	public static final String RESOURCE = "活动室";

	private final RoomRepository rooms;

	private final Centers centers;

	RoomService(RoomRepository rooms, Centers centers) {
		this.rooms = rooms;
		this.centers = centers;
	}

	@Transactional
	public Room create(Caller caller, RoomDraft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		centers.require(caller, draft.centerId());
		return rooms.insert(caller.tenant(), UUID.randomUUID(), draft);
	}

	@Transactional(readOnly = true)
	public Room get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.ANY_PERSON);
		return rooms.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
	}

	@Transactional(readOnly = true)
	public List<Room> byCenter(Caller caller, UUID centerId) {
		caller.requireAnyRole(Access.ANY_PERSON);
		centers.find(centerId).orElseThrow(() -> DomainProblem.notFound(Centers.RESOURCE, centerId));
		return rooms.byCenter(centerId);
	}

	@Transactional
	public Room change(Caller caller, UUID id, long expectedVersion, RoomChange change) {
		caller.requireAnyRole(Access.MANAGERS);
		Room current = rooms.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		CenterRef center = centers.find(current.centerId()).orElseThrow();
		caller.requireCovers(center.region(), RESOURCE, id);
		Room next = new Room(current.id(), current.centerId(),
				change.name() == null ? current.name() : change.name().strip(),
				change.capacity() == null ? current.capacity() : change.capacity(),
				change.facilities() == null ? current.facilities() : change.facilities(),
				change.requiresApproval() == null ? current.requiresApproval() : change.requiresApproval(),
				change.bookable() == null ? current.bookable() : change.bookable(),
				change.maxDurationMinutes() == null ? current.maxDurationMinutes() : change.maxDurationMinutes(),
				change.maxAdvanceDays() == null ? current.maxAdvanceDays() : change.maxAdvanceDays(),
				change.status() == null ? current.status() : change.status(), current.createdAt(), current.updatedAt(),
				current.version());
		return rooms.update(next, expectedVersion)
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
	}

	/** For other features, inside their transaction: the room, or a 404. */
	public Room require(UUID id) {
		return rooms.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
	}

	/** The rooms of a center, for the public center page. */
	public List<Room> publicRooms(UUID centerId) {
		return rooms.byCenter(centerId).stream().filter(r -> r.status() == Room.RoomStatus.ACTIVE).toList();
	}
}
