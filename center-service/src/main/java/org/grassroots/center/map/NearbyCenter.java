package org.grassroots.center.map;

import java.util.List;
import java.util.UUID;

import org.grassroots.center.centers.CenterLevel;
import org.grassroots.center.support.GeoPoint;

/**
 * A station near the asked point: straight-line distance, and the walking estimate (distance × 1.3 at 80 m/min).
 */
public record NearbyCenter(UUID id, String name, String brandName, CenterLevel level, String address,
		GeoPoint location, int stars, boolean openNow, List<String> serviceItems, List<String> facilities,
		String phone, int distanceMeters, int walkingMeters, int walkingMinutes) {
}
