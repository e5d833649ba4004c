package org.grassroots.center.catalog;

import java.util.List;

/** A category of the tenant's service catalog with its items. */
public record ServiceCategory(String code, String name, int sortOrder, List<ServiceItem> items) {
}
