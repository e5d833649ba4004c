package org.grassroots.center.map;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.grassroots.center.catalog.CatalogService;
import org.grassroots.center.catalog.ServiceCategory;
import org.grassroots.center.centers.CenterLevel;
import org.grassroots.center.support.PublicAccess;
import org.grassroots.defaults.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 一图全览 / 一键直达: the public, read-only map of a district. No login: the gateway admits anonymous callers here
 * and rate-limits them.
 */
@RestController
@RequestMapping("/api/v1/public/{tenant}/map")
@Tag(name = "公开地图 Public map")
class PublicMapController {

	private static final CacheControl SHORT = CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic();

	private final MapService map;

	private final CatalogService catalog;

	PublicMapController(MapService map, CatalogService catalog) {
		this.map = map;
		this.catalog = catalog;
	}

	@GetMapping("/nearest")
	@Operation(summary = "最近的站点 Nearest stations to a point",
			description = "n (1..50, default 5) nearest operating centers within radiusMeters (default 50 km), with "
					+ "distance and a walking estimate; filters level, serviceItem, openNow, minStars.")
	List<NearbyCenter> nearest(Caller caller, @PathVariable String tenant, @RequestParam double lat,
			@RequestParam double lng, @RequestParam(required = false) Integer n,
			@RequestParam(required = false) Double radiusMeters, @RequestParam(required = false) CenterLevel level,
			@RequestParam(required = false) String serviceItem, @RequestParam(required = false) Boolean openNow,
			@RequestParam(required = false) Integer minStars) {
		PublicAccess.require(caller, tenant);
		return map.nearest(lat, lng, n, radiusMeters, new MapQuery(level, serviceItem, openNow, minStars));
	}

	@GetMapping(value = "/centers", produces = { "application/geo+json", "application/json" })
	@Operation(summary = "全部站点 GeoJSON of the district's centers",
			description = "A FeatureCollection of Points ([lng, lat], WGS84); same filters as nearest, plus "
					+ "bbox=minLng,minLat,maxLng,maxLat.")
	ResponseEntity<Map<String, Object>> geoJson(Caller caller, @PathVariable String tenant,
			@RequestParam(required = false) CenterLevel level, @RequestParam(required = false) String serviceItem,
			@RequestParam(required = false) Boolean openNow, @RequestParam(required = false) Integer minStars,
			@RequestParam(required = false) String bbox) {
		PublicAccess.require(caller, tenant);
		return ResponseEntity.ok()
			.cacheControl(SHORT)
			.body(map.geoJson(new MapQuery(level, serviceItem, openNow, minStars), bbox));
	}

	@GetMapping("/service-catalog")
	@Operation(summary = "服务清单 The district's service catalog", description = "Names for the serviceItem filter.")
	List<ServiceCategory> catalog(Caller caller, @PathVariable String tenant) {
		PublicAccess.require(caller, tenant);
		return catalog.list(caller);
	}
}
