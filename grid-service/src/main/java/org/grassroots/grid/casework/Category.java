package org.grassroots.grid.casework;

import java.util.List;

/**
 * A case category of the district's taxonomy; also an Open311 service.
 *
 * @param code stable key ({@code service_code})
 * @param name display name
 * @param groupCode its group, e.g. {@code public-facilities}
 * @param groupName the group's display name
 * @param description what belongs here
 * @param keywords search words
 * @param defaultPriority priority when the reporter gives none
 * @param publicVisible whether anonymous Open311 readers see cases of it (disputes and personal demands: no)
 * @param attributes extra questions
 * @param active whether new cases may use it
 * @param sortOrder display order
 */
public record Category(String code, String name, String groupCode, String groupName, String description,
		List<String> keywords, Priority defaultPriority, boolean publicVisible, List<CategoryAttribute> attributes,
		boolean active, int sortOrder) {
}
