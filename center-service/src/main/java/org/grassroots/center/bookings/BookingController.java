package org.grassroots.center.bookings;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.grassroots.defaults.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "预约 Room bookings")
class BookingController {

	private final BookingService service;

	BookingController(BookingService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "预约活动室 Book a room",
			description = "201 CONFIRMED, or PENDING when the room needs approval or the slot is outside the hours of a "
					+ "center serving by appointment; 409 booking-conflict when the slot is taken (decided by the "
					+ "database, also under concurrency); 409 booking-outside-hours. Accepts Idempotency-Key.")
	ResponseEntity<Booking> create(Caller caller, @Valid @RequestBody BookingRequest request) {
		Booking booking = service.create(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.id()))
			.eTag(ETags.of(booking.version()))
			.body(booking);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看预约 Get a booking", description = "The booker, or staff of the center's region.")
	ResponseEntity<Booking> get(Caller caller, @PathVariable UUID id) {
		Booking booking = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(booking.version())).body(booking);
	}

	@GetMapping
	@Operation(summary = "预约列表 Bookings",
			description = "Without roomId: your own bookings, newest first. With roomId (staff of the center): the "
					+ "room's bookings overlapping [from, to) (default: from yesterday, 31 days).")
	Page<Booking> list(Caller caller, @RequestParam(required = false) UUID roomId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return service.list(caller, roomId, from, to, limit, cursor);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "批准预约 Approve a pending booking", description = "Staff of the center's region; 409 unless PENDING.")
	Booking approve(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) BookingDecision decision) {
		return service.approve(caller, id, decision);
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "驳回预约 Reject a pending booking", description = "Staff of the center's region; 409 unless PENDING.")
	Booking reject(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) BookingDecision decision) {
		return service.reject(caller, id, decision);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "取消预约 Cancel a booking",
			description = "The booker or staff; frees the slot. 409 when already ended, rejected or cancelled.")
	Booking cancel(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) BookingDecision decision) {
		return service.cancel(caller, id, decision);
	}
}
