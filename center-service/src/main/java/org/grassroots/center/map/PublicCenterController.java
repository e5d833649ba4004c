package org.grassroots.center.map;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.grassroots.center.support.PublicAccess;
import org.grassroots.defaults.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "公开地图 Public map")
class PublicCenterController {

	private final PublicCenterService centers;

	PublicCenterController(PublicCenterService centers) {
		this.centers = centers;
	}

	@GetMapping("/api/v1/public/{tenant}/centers/{id}")
	@Operation(summary = "站点详情（公开） A center's public page",
			description = "Hours, open now, services, facilities, photos, stars, rooms. Operating centers only.")
	PublicCenter get(Caller caller, @PathVariable String tenant, @PathVariable UUID id) {
		PublicAccess.require(caller, tenant);
		return centers.get(caller, id);
	}
}
