package org.grassroots.center.activities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.center.bookings.Booking;
import org.grassroots.center.bookings.BookingService;
import org.grassroots.center.centers.CenterRef;
import org.grassroots.center.centers.CenterStatus;
import org.grassroots.center.centers.Centers;
import org.grassroots.center.rooms.Room;
import org.grassroots.center.rooms.RoomService;
import org.grassroots.center.settings.TenantZones;
import org.grassroots.center.support.Access;
import org.grassroots.defaults.security.Regions;
import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities at centers. Staff of the center's region organize them; anyone of the district signs up. The activity
 * row is locked for every sign-up, cancellation and capacity change, so the confirmed count never exceeds the
 * capacity and the waiting list is promoted strictly in order. Check-in: staff mark a participant, or the
 * participant scans the activity's QR code (a random token whose hash is stored) between an hour before the start
 * and the end.
 */
@Service
public class ActivityService {

	static final String RESOURCE = "活动";

	static final String SIGNUP = "报名";

	static final Duration CHECK_IN_OPENS_BEFORE = Duration.ofHours(1);

	static final Duration STAFF_CHECK_IN_AFTER_END = Duration.ofHours(24);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ActivityRepository activities;

	private final Centers centers;

	private final RoomService rooms;

	private final BookingService bookings;

	private final TenantZones zones;

	private final Outbox outbox;

	ActivityService(ActivityRepository activities, Centers centers, RoomService rooms, BookingService bookings,
			TenantZones zones, Outbox outbox) {
		this.activities = activities;
		this.centers = centers;
		this.rooms = rooms;
		this.bookings = bookings;
		this.zones = zones;
		this.outbox = outbox;
	}

	@Transactional
	public Activity create(Caller caller, ActivityRequests.Draft draft) {
		caller.requireAnyRole(Access.MANAGERS);
		CenterRef center = centers.require(caller, draft.centerId());
		if (center.status() != CenterStatus.ACTIVE) {
			throw DomainProblem.conflict("center-not-operating", center.status().name());
		}
		if (!draft.startsAt().isBefore(draft.endsAt())) {
			throw DomainProblem.invalidField("endsAt", "activity-time-order");
		}
		if (!draft.startsAt().isAfter(OffsetDateTime.now())) {
			throw DomainProblem.invalidField("startsAt", "activity-in-past");
		}
		if (Duration.between(draft.startsAt(), draft.endsAt()).toDays() > 7) {
			throw DomainProblem.invalidField("endsAt", "activity-too-long");
		}
		if (draft.signupDeadline() != null && draft.signupDeadline().isAfter(draft.startsAt())) {
			throw DomainProblem.invalidField("signupDeadline", "activity-deadline-after-start");
		}
		UUID id = UUID.randomUUID();
		String place = draft.place() == null || draft.place().isBlank() ? null : draft.place().strip();
		UUID bookingId = null;
		if (draft.roomId() != null) {
			Room room = rooms.require(draft.roomId());
			Booking booking = bookings.bookForActivity(caller, room.id(), center.id(), draft.startsAt(), draft.endsAt(),
					draft.title().strip(), draft.capacity(), id);
			bookingId = booking.id();
			place = place == null ? center.name() + " " + room.name() : place;
		}
		Activity activity = activities.insert(caller.tenant(), id, draft, place == null ? center.name() : place,
				bookingId, caller.subject());
		outbox.append("activity.published", id.toString(), Map.of("activityId", id, "centerId", center.id(),
				"category", activity.category().name(), "startsAt", activity.startsAt().toString()));
		return activity;
	}

	@Transactional(readOnly = true)
	public Activity get(Caller caller, UUID id) {
		caller.requireAnyRole(Access.ANY_PERSON);
		return activities.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
	}

	/** Activities starting in {@code [from, to)} (default: from now, 31 days), by start time. */
	@Transactional(readOnly = true)
	public Page<Activity> list(Caller caller, UUID centerId, String region, OffsetDateTime from, OffsetDateTime to,
			Activity.Category category, Integer limit, String cursor) {
		caller.requireAnyRole(Access.ANY_PERSON);
		String prefix = caller.tenant();
		if (region != null && !region.isBlank()) {
			Regions.requireInTenant(caller, "region", region);
			prefix = region;
		}
		return page(centerId, prefix, from, to, category, limit, cursor);
	}

	/** Upcoming published activities of an operating center, for the public center page. */
	@Transactional(readOnly = true)
	public Page<Activity> upcoming(UUID centerId, Integer limit, String cursor) {
		centers.find(centerId)
			.filter(c -> c.status() == CenterStatus.ACTIVE)
			.orElseThrow(() -> DomainProblem.notFound(Centers.RESOURCE, centerId));
		Page<Activity> page = page(centerId, org.grassroots.defaults.tenancy.TenantContext.current(), null, null, null,
				limit, cursor);
		return new Page<>(page.items().stream().filter(a -> a.status() == Activity.Status.PUBLISHED).toList(),
				page.nextCursor());
	}

	private Page<Activity> page(UUID centerId, String prefix, OffsetDateTime from, OffsetDateTime to,
			Activity.Category category, Integer limit, String cursor) {
		OffsetDateTime start = from == null ? OffsetDateTime.now() : from;
		OffsetDateTime end = to == null ? start.plusDays(31) : to;
		if (!end.isAfter(start) || Duration.between(start, end).toDays() > 366) {
			throw DomainProblem.invalidField("to", "activity-window");
		}
		int size = Cursor.limit(limit);
		return Page.of(activities.page(centerId, prefix, start, end, category, Cursor.after(cursor, OffsetDateTime::parse), size + 1),
				size, a -> new Cursor.Keyset<>(a.startsAt(), a.id()).encode());
	}

	@Transactional
	public Activity change(Caller caller, UUID id, long expectedVersion, ActivityRequests.Change change) {
		caller.requireAnyRole(Access.MANAGERS);
		Activity current = organized(caller, id, true);
		if (current.status() != Activity.Status.PUBLISHED) {
			throw DomainProblem.conflict("activity-cancelled");
		}
		int capacity = change.capacity() == null ? current.capacity() : change.capacity();
		if (capacity < current.confirmedCount()) {
			throw DomainProblem.conflict("activity-capacity-below-confirmed", current.confirmedCount());
		}
		OffsetDateTime deadline = change.signupDeadline() == null ? current.signupDeadline() : change.signupDeadline();
		if (deadline != null && deadline.isAfter(current.startsAt())) {
			throw DomainProblem.invalidField("signupDeadline", "activity-deadline-after-start");
		}
		int updated = activities.updateDetails(id, expectedVersion,
				change.title() == null ? current.title() : change.title().strip(),
				change.description() == null ? current.description() : change.description(), capacity, deadline);
		if (updated != 1) {
			throw new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed");
		}
		if (capacity > current.confirmedCount()) {
			promote(caller, activities.find(id).orElseThrow());
		}
		return activities.find(id).orElseThrow();
	}

	@Transactional
	public Activity cancel(Caller caller, UUID id, ActivityRequests.Cancel request) {
		caller.requireAnyRole(Access.MANAGERS);
		Activity activity = organized(caller, id, true);
		if (activity.status() == Activity.Status.CANCELLED) {
			throw DomainProblem.conflict("activity-cancelled");
		}
		if (!activity.endsAt().isAfter(OffsetDateTime.now())) {
			throw DomainProblem.conflict("activity-over");
		}
		activities.setStatus(id, Activity.Status.CANCELLED);
		if (activity.bookingId() != null) {
			bookings.cancelForActivity(caller, activity.bookingId(), request == null ? null : request.reason());
		}
		outbox.append("activity.cancelled", id.toString(), Map.of("activityId", id));
		return activities.find(id).orElseThrow();
	}

	@Transactional
	public Signup signUp(Caller caller, UUID id, ActivityRequests.SignupRequest request) {
		caller.requireAnyRole(Access.plus(Access.MANAGERS, Access.RESIDENTS));
		Activity activity = activities.lock(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		String subject = caller.subject();
		String name = request == null ? null : blankToNull(request.participantName());
		if (request != null && request.participantSubject() != null && !request.participantSubject().isBlank()
				&& !request.participantSubject().equals(caller.subject())) {
			CenterRef center = centers.find(activity.centerId()).orElseThrow();
			if (!caller.hasAnyRole(Access.MANAGERS) || !caller.covers(center.region())) {
				throw new DomainProblem(HttpStatus.FORBIDDEN, "activity-signup-for-others");
			}
			subject = request.participantSubject().strip();
		}
		OffsetDateTime now = OffsetDateTime.now();
		if (activity.status() != Activity.Status.PUBLISHED) {
			throw DomainProblem.conflict("activity-cancelled");
		}
		if (!now.isBefore(activity.startsAt())
				|| (activity.signupDeadline() != null && now.isAfter(activity.signupDeadline()))) {
			throw DomainProblem.conflict("activity-signup-closed");
		}
		if (activities.activeSignup(id, subject).isPresent()) {
			throw DomainProblem.conflict("activity-already-signed-up");
		}
		boolean seat = activity.confirmedCount() < activity.capacity();
		Signup signup = activities.insertSignup(caller.tenant(), UUID.randomUUID(), id, subject, name,
				seat ? Signup.Status.CONFIRMED : Signup.Status.WAITLISTED, caller.subject());
		activities.setCounts(id, activity.confirmedCount() + (seat ? 1 : 0), activity.waitlistCount() + (seat ? 0 : 1));
		return signup;
	}

	/** Cancels a sign-up (the participant or staff); a freed seat goes to the first in line. */
	@Transactional
	public Signup cancelSignup(Caller caller, UUID id, UUID signupId) {
		caller.requireAnyRole(Access.plus(Access.MANAGERS, Access.RESIDENTS));
		Activity activity = activities.lock(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		Signup signup = activities.findSignup(signupId)
			.filter(s -> s.activityId().equals(id))
			.orElseThrow(() -> DomainProblem.notFound(SIGNUP, signupId));
		boolean own = signup.participantSubject().equals(caller.subject());
		if (!own && !isOrganizer(caller, activity)) {
			throw DomainProblem.notFound(SIGNUP, signupId);
		}
		if (signup.status() == Signup.Status.CANCELLED) {
			throw DomainProblem.conflict("signup-cancelled");
		}
		if (signup.checkedInAt() != null || !OffsetDateTime.now().isBefore(activity.endsAt())) {
			throw DomainProblem.conflict("signup-not-cancellable");
		}
		activities.setSignupStatus(signupId, Signup.Status.CANCELLED);
		boolean wasConfirmed = signup.status() == Signup.Status.CONFIRMED;
		activities.setCounts(id, activity.confirmedCount() - (wasConfirmed ? 1 : 0),
				activity.waitlistCount() - (wasConfirmed ? 0 : 1));
		if (wasConfirmed && activity.status() == Activity.Status.PUBLISHED) {
			promote(caller, activities.find(id).orElseThrow());
		}
		return activities.findSignup(signupId).orElseThrow();
	}

	/** The caller's own sign-up, or (staff of the center) every sign-up. */
	@Transactional(readOnly = true)
	public List<Signup> signups(Caller caller, UUID id) {
		caller.requireAnyRole(Access.ANY_PERSON);
		Activity activity = activities.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		if (caller.hasAnyRole(Access.READERS) && centers.find(activity.centerId())
			.map(c -> caller.covers(c.region()))
			.orElse(false)) {
			return activities.signups(id);
		}
		return activities.activeSignup(id, caller.subject()).map(List::of).orElse(List.of());
	}

	/** A fresh QR token for the activity (the previous one stops working). */
	@Transactional
	public ActivityViews.CheckInCode checkInCode(Caller caller, UUID id) {
		caller.requireAnyRole(Access.MANAGERS);
		Activity activity = organized(caller, id, false);
		if (activity.status() != Activity.Status.PUBLISHED) {
			throw DomainProblem.conflict("activity-cancelled");
		}
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		activities.setCheckInToken(id, hash(token));
		return new ActivityViews.CheckInCode(id, token, "grassroots:checkin:" + caller.tenant() + ":" + id + ":" + token,
				activity.startsAt().minus(CHECK_IN_OPENS_BEFORE), activity.endsAt());
	}

	/** The participant checks in by scanning the QR code. */
	@Transactional
	public Signup checkInByToken(Caller caller, UUID id, ActivityRequests.CheckIn request) {
		caller.requireAnyRole(Access.plus(Access.MANAGERS, Access.RESIDENTS));
		Activity activity = activities.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		String expected = activities.checkInToken(id).orElse(null);
		if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				hash(request.token()).getBytes(StandardCharsets.US_ASCII))) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "checkin-token-invalid");
		}
		OffsetDateTime now = OffsetDateTime.now();
		if (now.isBefore(activity.startsAt().minus(CHECK_IN_OPENS_BEFORE)) || now.isAfter(activity.endsAt())) {
			throw DomainProblem.conflict("checkin-closed");
		}
		Signup signup = activities.activeSignup(id, caller.subject())
			.orElseThrow(() -> DomainProblem.notFound(SIGNUP, caller.subject()));
		return checkIn(caller, activity, signup, Signup.CheckInMethod.QR);
	}

	/** Staff check a participant in (also late, up to a day after the end, from a paper list). */
	@Transactional
	public Signup checkInByStaff(Caller caller, UUID id, UUID signupId) {
		caller.requireAnyRole(Access.MANAGERS);
		Activity activity = organized(caller, id, false);
		Signup signup = activities.findSignup(signupId)
			.filter(s -> s.activityId().equals(id))
			.orElseThrow(() -> DomainProblem.notFound(SIGNUP, signupId));
		OffsetDateTime now = OffsetDateTime.now();
		if (now.isBefore(activity.startsAt().minus(CHECK_IN_OPENS_BEFORE))
				|| now.isAfter(activity.endsAt().plus(STAFF_CHECK_IN_AFTER_END))) {
			throw DomainProblem.conflict("checkin-closed");
		}
		return checkIn(caller, activity, signup, Signup.CheckInMethod.STAFF);
	}

	@Transactional(readOnly = true)
	public ActivityViews.Attendance attendance(Caller caller, UUID id) {
		caller.requireAnyRole(Access.READERS);
		Activity activity = activities.find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		centers.require(caller, activity.centerId());
		List<Signup> signups = activities.signups(id);
		int checkedIn = (int) signups.stream().filter(s -> s.checkedInAt() != null).count();
		int confirmed = (int) signups.stream().filter(s -> s.status() == Signup.Status.CONFIRMED).count();
		int waiting = (int) signups.stream().filter(s -> s.status() == Signup.Status.WAITLISTED).count();
		return new ActivityViews.Attendance(id, activity.capacity(), confirmed, waiting, checkedIn,
				rate(checkedIn, confirmed), signups);
	}

	/** Activities, sign-ups and attendance of a month (in the tenant's time zone) per center or per street. */
	@Transactional(readOnly = true)
	public ActivityViews.MonthlyStatistics statistics(Caller caller, String month, String by, String region) {
		caller.requireAnyRole(Access.READERS);
		YearMonth ym;
		try {
			ym = YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw DomainProblem.invalidField("month", "task-month-format");
		}
		String grouping = by == null || by.isBlank() ? "center" : by;
		if (!grouping.equals("center") && !grouping.equals("street")) {
			throw DomainProblem.invalidField("by", "statistics-by");
		}
		String prefix = caller.scopePrefix();
		if (region != null && !region.isBlank()) {
			Regions.requireInTenant(caller, "region", region);
			if (!caller.covers(region)) {
				throw DomainProblem.notFound("地区", region);
			}
			prefix = region;
		}
		ZoneId zone = zones.current();
		OffsetDateTime from = ym.atDay(1).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime to = ym.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		List<ActivityRepository.CenterMonth> rows = activities.monthly(prefix, from, to);
		Map<String, int[]> groups = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (ActivityRepository.CenterMonth row : rows) {
			String key;
			if (grouping.equals("center")) {
				key = row.centerId().toString();
				names.put(key, row.name());
			}
			else {
				String street = Regions.truncate(row.region(), Regions.STREET);
				key = street == null ? row.region() : street;
				names.putIfAbsent(key, key);
			}
			int[] sums = groups.computeIfAbsent(key, k -> new int[3]);
			sums[0] += row.activities();
			sums[1] += row.signups();
			sums[2] += row.attended();
		}
		List<ActivityViews.StatisticsRow> out = new ArrayList<>();
		int[] total = new int[3];
		groups.forEach((key, sums) -> {
			out.add(new ActivityViews.StatisticsRow(key, names.get(key), sums[0], sums[1], sums[2], rate(sums[2], sums[1])));
			for (int i = 0; i < 3; i++) {
				total[i] += sums[i];
			}
		});
		return new ActivityViews.MonthlyStatistics(ym, grouping, out, new ActivityViews.StatisticsRow("total", "合计",
				total[0], total[1], total[2], rate(total[2], total[1])));
	}

	private Signup checkIn(Caller caller, Activity activity, Signup signup, Signup.CheckInMethod method) {
		if (activity.status() != Activity.Status.PUBLISHED) {
			throw DomainProblem.conflict("activity-cancelled");
		}
		if (signup.status() != Signup.Status.CONFIRMED) {
			throw DomainProblem.conflict("checkin-not-confirmed", signup.status().name());
		}
		if (signup.checkedInAt() == null) {
			activities.checkIn(signup.id(), caller.subject(), method);
		}
		return activities.findSignup(signup.id()).orElseThrow();
	}

	/** Gives freed seats to the first in line; the activity row must be locked. */
	private void promote(Caller caller, Activity activity) {
		int free = activity.capacity() - activity.confirmedCount();
		if (free <= 0 || activity.waitlistCount() == 0) {
			return;
		}
		List<Signup> next = activities.nextWaiting(activity.id(), free);
		for (Signup signup : next) {
			activities.setSignupStatus(signup.id(), Signup.Status.CONFIRMED);
			outbox.append("activity.signup-promoted", signup.id().toString(),
					Map.of("activityId", activity.id(), "signupId", signup.id(), "participant", signup.participantSubject()));
		}
		activities.setCounts(activity.id(), activity.confirmedCount() + next.size(),
				activity.waitlistCount() - next.size());
	}

	private Activity organized(Caller caller, UUID id, boolean lock) {
		Activity activity = (lock ? activities.lock(id) : activities.find(id))
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		centers.require(caller, activity.centerId());
		return activity;
	}

	private boolean isOrganizer(Caller caller, Activity activity) {
		return caller.hasAnyRole(Access.MANAGERS)
				&& centers.find(activity.centerId()).map(c -> caller.covers(c.region())).orElse(false);
	}

	private static double rate(int part, int whole) {
		return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
