package org.grassroots.center.standards;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A tenant-defined site standard (e.g. 八有: 有场所、有标识、有设施 …) as a checklist. */
public record SiteStandard(UUID id, String code, String name, String description, List<ChecklistItem> items,
		OffsetDateTime createdAt) {

	public record ChecklistItem(String code, String text) {
	}
}
