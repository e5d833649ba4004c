package org.grassroots.center.catalog;

/** One service a center may offer, e.g. 法律咨询 under 法律援助. */
public record ServiceItem(String code, String categoryCode, String name, String description, int sortOrder,
		boolean active) {
}
