package org.grassroots.center.map;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.grassroots.center.centers.CenterLevel;
import org.grassroots.center.centers.CompiledHours;

/** An operating center as the public map indexes it. */
public record MapPoint(UUID id, String name, String brandName, CenterLevel level, String region, String address,
		double lat, double lng, int stars, Set<String> serviceItems, List<String> facilities, String phone,
		CompiledHours hours) implements SpatialIndex.Located {
}
