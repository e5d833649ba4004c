package org.grassroots.center.rooms;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.web.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rooms")
@Tag(name = "活动室 Rooms")
class RoomController {

	private final RoomService service;

	RoomController(RoomService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "新增活动室 Add a room to a center", description = "Staff of the center's region.")
	ResponseEntity<Room> create(Caller caller, @Valid @RequestBody RoomDraft draft) {
		Room room = service.create(caller, draft);
		return ResponseEntity.created(URI.create("/api/v1/rooms/" + room.id())).eTag(ETags.of(room.version())).body(room);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看活动室 Get a room")
	ResponseEntity<Room> get(Caller caller, @PathVariable UUID id) {
		Room room = service.get(caller, id);
		return ResponseEntity.ok().eTag(ETags.of(room.version())).body(room);
	}

	@GetMapping
	@Operation(summary = "中心的活动室 Rooms of a center")
	List<Room> list(Caller caller, @RequestParam UUID centerId) {
		return service.byCenter(caller, centerId);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "修改活动室 Change a room", description = "Requires If-Match.")
	ResponseEntity<Room> change(Caller caller, @PathVariable UUID id,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody RoomChange change) {
		Room room = service.change(caller, id, ETags.requireMatch(ifMatch), change);
		return ResponseEntity.ok().eTag(ETags.of(room.version())).body(room);
	}
}
