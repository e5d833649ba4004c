package org.grassroots.center.bookings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.grassroots.center.centers.CenterRef;
import org.grassroots.center.centers.CenterStatus;
import org.grassroots.center.centers.Centers;
import org.grassroots.center.rooms.Room;
import org.grassroots.center.rooms.RoomService;
import org.grassroots.center.settings.TenantZones;
import org.grassroots.center.support.Access;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The iCalendar feed of a room: its pending (TENTATIVE) and confirmed bookings from 30 days back to 180 days ahead.
 * Staff of the center's region see purposes and bookers' organizations; everyone else sees busy slots only.
 */
@Service
public class RoomCalendarService {

	static final int MAX_EVENTS = 2000;

	private final BookingRepository bookings;

	private final RoomService rooms;

	private final Centers centers;

	private final TenantZones zones;

	RoomCalendarService(BookingRepository bookings, RoomService rooms, Centers centers, TenantZones zones) {
		this.bookings = bookings;
		this.rooms = rooms;
		this.centers = centers;
		this.zones = zones;
	}

	@Transactional(readOnly = true)
	public String feed(Caller caller, UUID roomId) {
		caller.requireAnyRole(Access.ANY_PERSON);
		Room room = rooms.require(roomId);
		CenterRef center = centers.find(room.centerId()).orElseThrow();
		boolean details = caller.hasAnyRole(Access.READERS) && caller.covers(center.region());
		return render(room, center, details);
	}

	@Transactional(readOnly = true)
	public String publicFeed(UUID centerId, UUID roomId) {
		CenterRef center = centers.find(centerId)
			.filter(c -> c.status() == CenterStatus.ACTIVE)
			.orElseThrow(() -> DomainProblem.notFound(Centers.RESOURCE, centerId));
		Room room = rooms.require(roomId);
		if (!room.centerId().equals(center.id()) || room.status() != Room.RoomStatus.ACTIVE) {
			throw DomainProblem.notFound(RoomService.RESOURCE, roomId);
		}
		return render(room, center, false);
	}

	private String render(Room room, CenterRef center, boolean details) {
		OffsetDateTime now = OffsetDateTime.now();
		List<ICalendar.Event> events = new ArrayList<>();
		for (Booking b : bookings.holding(room.id(), now.minusDays(30), now.plusDays(180), MAX_EVENTS)) {
			String summary = details ? b.purpose() : "已预约";
			String description = details ? describe(b) : null;
			events.add(new ICalendar.Event(b.id() + "@center-service.grassroots", b.startsAt().toInstant(),
					b.endsAt().toInstant(), summary, description, center.name() + " " + room.name(),
					b.status() == Booking.BookingStatus.CONFIRMED ? "CONFIRMED" : "TENTATIVE",
					b.createdAt().toInstant()));
		}
		return ICalendar.render(center.name() + " · " + room.name(), zones.current().getId(), events, Instant.now());
	}

	private static String describe(Booking b) {
		StringBuilder text = new StringBuilder();
		text.append("预约人类型: ").append(b.bookerType().name());
		if (b.organizationName() != null) {
			text.append("\n组织: ").append(b.organizationName());
		}
		text.append("\n人数: ").append(b.attendees());
		if (b.activityId() != null) {
			text.append("\n活动: ").append(b.activityId());
		}
		return text.toString();
	}
}
