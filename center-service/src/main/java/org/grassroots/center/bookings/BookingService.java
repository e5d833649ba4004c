package org.grassroots.center.bookings;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.center.centers.CenterRef;
import org.grassroots.center.centers.CenterStatus;
import org.grassroots.center.centers.Centers;
import org.grassroots.center.rooms.Room;
import org.grassroots.center.rooms.RoomService;
import org.grassroots.center.settings.TenantZones;
import org.grassroots.center.support.Access;
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
 * Room bookings by residents, organizations and staff. Residents book within the center's opening hours; outside
 * them only when the center serves by appointment, and then the booking waits for approval. Staff of the center's
 * region book at any time and their bookings are confirmed at once. No two pending or confirmed bookings of a room
 * overlap: the database's exclusion constraint decides, so concurrent requests on any number of replicas get one
 * 201 and otherwise 409 {@code booking-conflict}.
 */
@Service
public class BookingService {

	static final String RESOURCE = "预约";

	static final String[] BOOKERS = Access.plus(Access.plus(Access.MANAGERS, Access.RESIDENTS), Roles.INTEGRATOR);

	private static final List<Booking.BookingStatus> HOLDING = List.of(Booking.BookingStatus.PENDING,
			Booking.BookingStatus.CONFIRMED);

	private final BookingRepository bookings;

	private final RoomService rooms;

	private final Centers centers;

	private final TenantZones zones;

	private final Outbox outbox;

	BookingService(BookingRepository bookings, RoomService rooms, Centers centers, TenantZones zones, Outbox outbox) {
		this.bookings = bookings;
		this.rooms = rooms;
		this.centers = centers;
		this.zones = zones;
		this.outbox = outbox;
	}

	@Transactional
	public Booking create(Caller caller, BookingRequest request) {
		caller.requireAnyRole(BOOKERS).requireScope("bookings:write");
		Room room = rooms.require(request.roomId());
		CenterRef center = centers.find(room.centerId()).orElseThrow();
		boolean staff = isStaffOf(caller, center);
		Booking.BookerType type = request.bookerType() != null ? request.bookerType()
				: staff ? Booking.BookerType.STAFF : Booking.BookerType.RESIDENT;
		if (type == Booking.BookerType.STAFF && !staff) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "booking-staff-only");
		}
		if (type == Booking.BookerType.ORGANIZATION
				&& (request.organizationName() == null || request.organizationName().isBlank())) {
			throw DomainProblem.invalidField("organizationName", "booking-organization-required");
		}
		int attendees = request.attendees() == null ? 1 : request.attendees();
		boolean outsideHours = checkRules(room, center, request.startsAt(), request.endsAt(), attendees, staff);
		Booking.BookingStatus status = staff ? Booking.BookingStatus.CONFIRMED
				: (room.requiresApproval() || outsideHours) ? Booking.BookingStatus.PENDING
						: Booking.BookingStatus.CONFIRMED;
		Booking booking = bookings.insert(caller.tenant(), UUID.randomUUID(), room.id(), center.id(),
				request.startsAt(), request.endsAt(), status, caller.subject(), type,
				blankToNull(request.organizationName()), request.purpose().strip(), attendees, null);
		outbox.append("booking.created", booking.id().toString(), Map.of("bookingId", booking.id(), "roomId",
				room.id(), "centerId", center.id(), "status", booking.status().name()));
		return booking;
	}

	/**
	 * Books a room for an activity inside the activity's transaction: the organizer must be staff of the center's
	 * region; confirmed at once; 409 {@code booking-conflict} when the slot is taken.
	 */
	public Booking bookForActivity(Caller caller, UUID roomId, UUID centerId, OffsetDateTime startsAt,
			OffsetDateTime endsAt, String title, int attendees, UUID activityId) {
		Room room = rooms.require(roomId);
		if (!room.centerId().equals(centerId)) {
			throw DomainProblem.invalidField("roomId", "activity-room-elsewhere");
		}
		CenterRef center = centers.find(room.centerId()).orElseThrow();
		checkRules(room, center, startsAt, endsAt, Math.min(attendees, room.capacity()), true);
		return bookings.insert(caller.tenant(), UUID.randomUUID(), room.id(), center.id(), startsAt, endsAt,
				Booking.BookingStatus.CONFIRMED, caller.subject(), Booking.BookerType.STAFF, null,
				title.length() > 200 ? title.substring(0, 200) : title, Math.min(attendees, room.capacity()),
				activityId);
	}

	/** Releases an activity's booking inside the activity's transaction. */
	public void cancelForActivity(Caller caller, UUID bookingId, String reason) {
		bookings.transition(bookingId, HOLDING, Booking.BookingStatus.CANCELLED, caller.subject(), reason);
	}

	@Transactional(readOnly = true)
	public Booking get(Caller caller, UUID id) {
		Booking booking = bookings.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		requireVisible(caller, booking);
		return booking;
	}

	@Transactional
	public Booking approve(Caller caller, UUID id, BookingDecision decision) {
		return decide(caller, id, Booking.BookingStatus.CONFIRMED, decision);
	}

	@Transactional
	public Booking reject(Caller caller, UUID id, BookingDecision decision) {
		return decide(caller, id, Booking.BookingStatus.REJECTED, decision);
	}

	@Transactional
	public Booking cancel(Caller caller, UUID id, BookingDecision decision) {
		caller.requireAnyRole(BOOKERS);
		Booking booking = bookings.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		requireVisible(caller, booking);
		if (!booking.bookerSubject().equals(caller.subject()) && !isStaffOf(caller, centerOf(booking))) {
			throw DomainProblem.forbidden();
		}
		if (booking.activityId() != null) {
			throw DomainProblem.conflict("booking-of-activity", booking.activityId());
		}
		if (!HOLDING.contains(booking.status()) || !booking.endsAt().isAfter(OffsetDateTime.now())) {
			throw DomainProblem.conflict("booking-not-cancellable", booking.status().name());
		}
		Booking cancelled = bookings
			.transition(id, HOLDING, Booking.BookingStatus.CANCELLED, caller.subject(), note(decision))
			.orElseThrow(() -> DomainProblem.conflict("booking-not-cancellable", "?"));
		outbox.append("booking.cancelled", id.toString(), Map.of("bookingId", id, "roomId", booking.roomId()));
		return cancelled;
	}

	/**
	 * Staff of the room's center see all its bookings in {@code [from, to)}; everyone else sees their own bookings
	 * (newest first) and passes no room.
	 */
	@Transactional(readOnly = true)
	public Page<Booking> list(Caller caller, UUID roomId, OffsetDateTime from, OffsetDateTime to, Integer limit,
			String cursor) {
		caller.requireAnyRole(Access.plus(BOOKERS, Roles.AUDITOR, Roles.GRID_HEAD, Roles.GRID_WORKER));
		int size = Cursor.limit(limit);
		Cursor.Keyset<OffsetDateTime> after = Cursor.after(cursor, OffsetDateTime::parse);
		if (roomId == null) {
			return Page.of(bookings.ofBooker(caller.subject(), after, size + 1), size,
					b -> new Cursor.Keyset<>(b.startsAt(), b.id()).encode());
		}
		Room room = rooms.require(roomId);
		CenterRef center = centers.find(room.centerId()).orElseThrow();
		if (!caller.hasAnyRole(Access.READERS) || !caller.covers(center.region())) {
			throw DomainProblem.notFound(RoomService.RESOURCE, roomId);
		}
		OffsetDateTime start = from == null ? OffsetDateTime.now().minusDays(1) : from;
		OffsetDateTime end = to == null ? start.plusDays(31) : to;
		if (!end.isAfter(start) || Duration.between(start, end).toDays() > 366) {
			throw DomainProblem.invalidField("to", "booking-window");
		}
		return Page.of(bookings.ofRoom(roomId, start, end, after, size + 1), size,
				b -> new Cursor.Keyset<>(b.startsAt(), b.id()).encode());
	}

	private Booking decide(Caller caller, UUID id, Booking.BookingStatus to, BookingDecision decision) {
		caller.requireAnyRole(Access.MANAGERS);
		Booking booking = bookings.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		CenterRef center = centerOf(booking);
		caller.requireCovers(center.region(), RESOURCE, id);
		if (booking.status() != Booking.BookingStatus.PENDING) {
			throw DomainProblem.conflict("booking-not-pending", booking.status().name());
		}
		Booking decided = bookings.transition(id, List.of(Booking.BookingStatus.PENDING), to, caller.subject(),
				note(decision)).orElseThrow(() -> DomainProblem.conflict("booking-not-pending", "?"));
		outbox.append("booking." + to.name().toLowerCase(), id.toString(),
				Map.of("bookingId", id, "roomId", booking.roomId(), "status", to.name()));
		return decided;
	}

	/**
	 * Checks a slot against the room's rules and the center's hours.
	 * @return whether the slot lies outside the opening hours (allowed only by appointment, or for staff)
	 */
	private boolean checkRules(Room room, CenterRef center, OffsetDateTime startsAt, OffsetDateTime endsAt,
			int attendees, boolean staff) {
		if (room.status() != Room.RoomStatus.ACTIVE || !room.bookable()) {
			throw DomainProblem.conflict("room-not-bookable");
		}
		if (center.status() != CenterStatus.ACTIVE) {
			throw DomainProblem.conflict("center-not-operating", center.status().name());
		}
		if (!startsAt.isBefore(endsAt)) {
			throw DomainProblem.invalidField("endsAt", "booking-time-order");
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		if (!startsAt.isAfter(now)) {
			throw DomainProblem.invalidField("startsAt", "booking-in-past");
		}
		if (Duration.between(startsAt, endsAt).toMinutes() > room.maxDurationMinutes()) {
			throw DomainProblem.invalidField("endsAt", "booking-too-long", room.maxDurationMinutes());
		}
		if (startsAt.isAfter(now.plusDays(room.maxAdvanceDays()))) {
			throw DomainProblem.invalidField("startsAt", "booking-too-far-ahead", room.maxAdvanceDays());
		}
		if (attendees > room.capacity()) {
			throw DomainProblem.invalidField("attendees", "booking-over-capacity", room.capacity());
		}
		ZoneId zone = zones.current();
		ZonedDateTime start = startsAt.atZoneSameInstant(zone);
		ZonedDateTime end = endsAt.atZoneSameInstant(zone);
		LocalDate day = start.toLocalDate();
		int from = start.getHour() * 60 + start.getMinute();
		int to;
		if (end.toLocalDate().equals(day)) {
			to = end.getHour() * 60 + end.getMinute() + (end.getSecond() > 0 || end.getNano() > 0 ? 1 : 0);
		}
		else if (end.toLocalDate().equals(day.plusDays(1)) && end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
			to = 24 * 60;
		}
		else {
			to = Integer.MAX_VALUE;
		}
		boolean inside = to != Integer.MAX_VALUE && center.hours().covers(day, from, to);
		if (inside || staff) {
			return !inside;
		}
		if (center.hours().appointments()) {
			return true;
		}
		throw DomainProblem.conflict("booking-outside-hours");
	}

	private CenterRef centerOf(Booking booking) {
		return centers.find(booking.centerId()).orElseThrow(() -> DomainProblem.notFound(RESOURCE, booking.id()));
	}

	private void requireVisible(Caller caller, Booking booking) {
		if (booking.bookerSubject().equals(caller.subject())) {
			return;
		}
		CenterRef center = centerOf(booking);
		if (!caller.hasAnyRole(Access.READERS) || !caller.covers(center.region())) {
			throw DomainProblem.notFound(RESOURCE, booking.id());
		}
	}

	private static boolean isStaffOf(Caller caller, CenterRef center) {
		return caller.hasAnyRole(Access.MANAGERS) && caller.covers(center.region());
	}

	private static String note(BookingDecision decision) {
		return decision == null || decision.note() == null || decision.note().isBlank() ? null : decision.note().strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
