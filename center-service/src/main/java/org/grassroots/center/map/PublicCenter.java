package org.grassroots.center.map;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.grassroots.center.centers.CenterLevel;
import org.grassroots.center.centers.HostPartner;
import org.grassroots.center.centers.OpeningHours;
import org.grassroots.center.support.GeoPoint;

/** A center as the public sees it: where, when, what it offers; no internal fields. */
public record PublicCenter(UUID id, CenterLevel level, String name, String brandName, String address,
		GeoPoint location, BigDecimal floorAreaM2, String phone, HostPartner hostPartner, List<String> photos,
		List<String> facilities, List<Service> services, OpeningHours openingHours, boolean openNow,
		List<OpeningHours.TimeRange> todayHours, int stars, Integer starsYear, List<PublicRoom> rooms) {

	public record Service(String code, String name, String categoryCode) {
	}

	public record PublicRoom(UUID id, String name, int capacity, List<String> facilities, boolean requiresApproval) {
	}
}
