package org.grassroots.center.centers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.grassroots.center.support.GeoPoint;

/**
 * A center or station as staff see it. {@code openNow} and {@code todayHours} are computed in the tenant's time
 * zone when the center is read; {@code stars} comes from the latest published star evaluation.
 */
public record Center(UUID id, CenterLevel level, String name, String brandName, String region, UUID parentId,
		String address, GeoPoint location, BigDecimal floorAreaM2, String phone, HostPartner hostPartner,
		List<String> photos, List<String> facilities, List<String> serviceItems, OpeningHours openingHours,
		CenterStatus status, int stars, Integer starsYear, Boolean openNow, List<OpeningHours.TimeRange> todayHours,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	Center withNow(boolean open, List<OpeningHours.TimeRange> today) {
		return new Center(id, level, name, brandName, region, parentId, address, location, floorAreaM2, phone,
				hostPartner, photos, facilities, serviceItems, openingHours, status, stars, starsYear, open, today,
				createdAt, updatedAt, version);
	}
}
