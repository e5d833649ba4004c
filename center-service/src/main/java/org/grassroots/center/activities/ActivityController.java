package org.grassroots.center.activities;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.center.support.PublicAccess;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "活动 Activities")
class ActivityController {

	private static final String BASE = "/api/v1/activities";

	private final ActivityService service;

	ActivityController(ActivityService service) {
		this.service = service;
	}

	@PostMapping(BASE)
	@Operation(summary = "发布活动 Publish an activity",
			description = "Staff of the center's region. With roomId the room is booked for it (409 booking-conflict "
					+ "when taken).")
	ResponseEntity<Activity> create(Caller caller, @Valid @RequestBody ActivityRequests.Draft draft) {
		Activity activity = service.create(caller, draft);
		return ResponseEntity.created(URI.create(BASE + "/" + activity.id())).eTag(ETags.of(activity.version()))
			.body(activity);
	}

	@GetMapping(BASE + "/{id}")
	@Operation(summary = "查看活动 Get an activity")
	ResponseEntity<Activity> get(Caller caller, @PathVariable UUID id) {
		Activity activity = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
	}

	@GetMapping(BASE)
	@Operation(summary = "活动列表 Activities",
			description = "Starting in [from, to) (default from now, 31 days); filters centerId, region, category.")
	Page<Activity> list(Caller caller, @RequestParam(required = false) UUID centerId,
			@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) Activity.Category category, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return service.list(caller, centerId, region, from, to, category, limit, cursor);
	}

	@PatchMapping(BASE + "/{id}")
	@Operation(summary = "修改活动 Change title, description, capacity or deadline",
			description = "If-Match required; more capacity promotes the waiting list.")
	ResponseEntity<Activity> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ActivityRequests.Change change) {
		Activity activity = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
	}

	@PostMapping(BASE + "/{id}/cancel")
	@Operation(summary = "取消活动 Cancel an activity", description = "Releases its room booking.")
	Activity cancel(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) ActivityRequests.Cancel request) {
		return service.cancel(caller, id, request);
	}

	@PostMapping(BASE + "/{id}/signups")
	@Operation(summary = "报名 Sign up",
			description = "CONFIRMED while seats are left, else WAITLISTED; 409 when already signed up or closed.")
	ResponseEntity<Signup> signUp(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) ActivityRequests.SignupRequest request) {
		Signup signup = service.signUp(caller, id, request);
		return ResponseEntity.created(URI.create(BASE + "/" + id + "/signups/" + signup.id())).body(signup);
	}

	@GetMapping(BASE + "/{id}/signups")
	@Operation(summary = "报名情况 Sign-ups", description = "Staff of the center: all; others: their own.")
	List<Signup> signups(Caller caller, @PathVariable UUID id) {
		return service.signups(caller, id);
	}

	@PostMapping(BASE + "/{id}/signups/{signupId}/cancel")
	@Operation(summary = "取消报名 Cancel a sign-up", description = "The first on the waiting list gets the seat.")
	Signup cancelSignup(Caller caller, @PathVariable UUID id, @PathVariable UUID signupId) {
		return service.cancelSignup(caller, id, signupId);
	}

	@PostMapping(BASE + "/{id}/check-in-code")
	@Operation(summary = "签到二维码 New QR check-in token", description = "Staff; the previous token stops working.")
	ActivityViews.CheckInCode checkInCode(Caller caller, @PathVariable UUID id) {
		return service.checkInCode(caller, id);
	}

	@PostMapping(BASE + "/{id}/check-in")
	@Operation(summary = "扫码签到 Check in with the QR token",
			description = "From an hour before the start to the end; confirmed participants only.")
	Signup checkIn(Caller caller, @PathVariable UUID id, @Valid @RequestBody ActivityRequests.CheckIn request) {
		return service.checkInByToken(caller, id, request);
	}

	@PostMapping(BASE + "/{id}/signups/{signupId}/check-in")
	@Operation(summary = "工作人员签到 Staff check a participant in")
	Signup checkInByStaff(Caller caller, @PathVariable UUID id, @PathVariable UUID signupId) {
		return service.checkInByStaff(caller, id, signupId);
	}

	@GetMapping(BASE + "/{id}/attendance")
	@Operation(summary = "出勤 Attendance of an activity")
	ActivityViews.Attendance attendance(Caller caller, @PathVariable UUID id) {
		return service.attendance(caller, id);
	}

	@GetMapping(BASE + "/statistics")
	@Operation(summary = "月度统计 Monthly statistics per center or street",
			description = "month=YYYY-MM in the tenant's time zone; by=center|street; region defaults to yours.")
	ActivityViews.MonthlyStatistics statistics(Caller caller, @RequestParam String month,
			@RequestParam(required = false) String by, @RequestParam(required = false) String region) {
		return service.statistics(caller, month, by, region);
	}

	@GetMapping("/api/v1/public/{tenant}/centers/{centerId}/activities")
	@Operation(summary = "近期活动（公开） Upcoming activities of a center", description = "No login.")
	Page<PublicActivity> upcoming(Caller caller, @PathVariable String tenant, @PathVariable UUID centerId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		PublicAccess.require(caller, tenant);
		Page<Activity> page = service.upcoming(centerId, limit, cursor);
		return new Page<>(page.items().stream().map(PublicActivity::of).toList(), page.nextCursor());
	}

	/** An activity as the public sees it: no organizer, no internal references. */
	record PublicActivity(UUID id, UUID centerId, Activity.Category category, String title, String description,
			String place, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupDeadline, int capacity,
			int confirmedCount, int waitlistCount) {

		static PublicActivity of(Activity a) {
			return new PublicActivity(a.id(), a.centerId(), a.category(), a.title(), a.description(), a.place(),
					a.startsAt(), a.endsAt(), a.signupDeadline(), a.capacity(), a.confirmedCount(), a.waitlistCount());
		}
	}
}
