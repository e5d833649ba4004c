package org.grassroots.center.bookings;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.grassroots.center.support.PublicAccess;
import org.grassroots.defaults.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "预约 Room bookings")
class RoomCalendarController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final RoomCalendarService calendars;

	RoomCalendarController(RoomCalendarService calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/api/v1/rooms/{id}/calendar.ics")
	@Operation(summary = "活动室日历 iCalendar feed of a room",
			description = "RFC 5545; staff of the center's region see purposes, others busy slots only.")
	ResponseEntity<byte[]> feed(Caller caller, @PathVariable UUID id) {
		return ics(calendars.feed(caller, id));
	}

	@GetMapping("/api/v1/public/{tenant}/centers/{centerId}/rooms/{roomId}/calendar.ics")
	@Operation(summary = "活动室日历（公开） Public iCalendar feed of a room", description = "Busy slots only, no login.")
	ResponseEntity<byte[]> publicFeed(Caller caller, @PathVariable String tenant, @PathVariable UUID centerId,
			@PathVariable UUID roomId) {
		PublicAccess.require(caller, tenant);
		return ics(calendars.publicFeed(centerId, roomId));
	}

	private static ResponseEntity<byte[]> ics(String calendar) {
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header("Content-Disposition", "inline; filename=\"room.ics\"")
			.body(calendar.getBytes(StandardCharsets.UTF_8));
	}
}
