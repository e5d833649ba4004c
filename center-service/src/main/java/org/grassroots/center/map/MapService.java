package org.grassroots.center.map;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.grassroots.center.settings.TenantZones;
import org.grassroots.center.support.Geo;
import org.grassroots.center.support.GeoPoint;
import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.stereotype.Service;

/** The public map: nearest stations and the GeoJSON of all, answered from the in-memory index. */
@Service
public class MapService {

	public static final int MAX_NEAREST = 50;

	public static final double MAX_RADIUS_METERS = 100_000;

	private final CenterIndex index;

	private final TenantZones zones;

	MapService(CenterIndex index, TenantZones zones) {
		this.index = index;
		this.zones = zones;
	}

	public List<NearbyCenter> nearest(double lat, double lng, Integer n, Double radiusMeters, MapQuery query) {
		GeoPoint.requireOnGlobe(lat, lng, "lat", "lng");
		int k = n == null ? 5 : n;
		if (k < 1 || k > MAX_NEAREST) {
			throw DomainProblem.invalidField("n", "map-n-range", MAX_NEAREST);
		}
		double radius = radiusMeters == null ? 50_000 : radiusMeters;
		if (!(radius > 0 && radius <= MAX_RADIUS_METERS)) {
			throw DomainProblem.invalidField("radiusMeters", "map-radius-range", (long) MAX_RADIUS_METERS);
		}
		validate(query);
		ZonedDateTime now = zones.now();
		LocalDate today = now.toLocalDate();
		int minute = now.getHour() * 60 + now.getMinute();
		List<SpatialIndex.Neighbor<MapPoint>> found = index.current()
			.nearest(lat, lng, k, radius, filter(query, today, minute));
		List<NearbyCenter> out = new ArrayList<>(found.size());
		for (SpatialIndex.Neighbor<MapPoint> neighbor : found) {
			MapPoint p = neighbor.item();
			double d = neighbor.distanceMeters();
			out.add(new NearbyCenter(p.id(), p.name(), p.brandName(), p.level(), p.address(), new GeoPoint(p.lat(), p.lng()),
					p.stars(), p.hours().isOpen(today, minute), p.serviceItems().stream().sorted().toList(),
					p.facilities(), p.phone(), (int) Math.round(d), (int) Math.round(Geo.walkingMeters(d)),
					Geo.walkingMinutes(d)));
		}
		return out;
	}

	/** A GeoJSON FeatureCollection of the operating centers passing the filters, optionally inside a bbox. */
	public Map<String, Object> geoJson(MapQuery query, String bbox) {
		validate(query);
		ZonedDateTime now = zones.now();
		LocalDate today = now.toLocalDate();
		int minute = now.getHour() * 60 + now.getMinute();
		SpatialIndex<MapPoint> all = index.current();
		List<MapPoint> points = bbox == null || bbox.isBlank() ? all.items() : inBox(all, bbox);
		Predicate<MapPoint> filter = filter(query, today, minute);
		List<Map<String, Object>> features = new ArrayList<>();
		for (MapPoint p : points) {
			if (!filter.test(p)) {
				continue;
			}
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("name", p.name());
			properties.put("brandName", p.brandName());
			properties.put("level", p.level().name());
			properties.put("address", p.address());
			properties.put("stars", p.stars());
			properties.put("openNow", p.hours().isOpen(today, minute));
			properties.put("serviceItems", p.serviceItems().stream().sorted().toList());
			Map<String, Object> feature = new LinkedHashMap<>();
			feature.put("type", "Feature");
			feature.put("id", p.id().toString());
			feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(p.lng(), p.lat())));
			feature.put("properties", properties);
			features.add(feature);
		}
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("features", features);
		return collection;
	}

	private static List<MapPoint> inBox(SpatialIndex<MapPoint> all, String bbox) {
		String[] parts = bbox.split(",");
		if (parts.length != 4) {
			throw DomainProblem.invalidField("bbox", "map-bbox");
		}
		double[] v = new double[4];
		try {
			for (int i = 0; i < 4; i++) {
				v[i] = Double.parseDouble(parts[i].trim());
			}
		}
		catch (NumberFormatException ex) {
			throw DomainProblem.invalidField("bbox", "map-bbox");
		}
		if (v[0] > v[2] || v[1] > v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
			throw DomainProblem.invalidField("bbox", "map-bbox");
		}
		return all.inBox(v[0], v[1], v[2], v[3]);
	}

	private static void validate(MapQuery query) {
		if (query.minStars() != null && (query.minStars() < 0 || query.minStars() > 5)) {
			throw DomainProblem.invalidField("minStars", "map-stars-range");
		}
	}

	private static Predicate<MapPoint> filter(MapQuery q, LocalDate today, int minute) {
		return p -> (q.level() == null || p.level() == q.level())
				&& (q.serviceItem() == null || q.serviceItem().isBlank() || p.serviceItems().contains(q.serviceItem()))
				&& (q.minStars() == null || p.stars() >= q.minStars())
				&& (!Boolean.TRUE.equals(q.openNow()) || p.hours().isOpen(today, minute));
	}
}
