package org.grassroots.center.centers;

import java.util.UUID;

/** What other features need to know of a center: where it is in the tree, whether it serves, its hours. */
public record CenterRef(UUID id, String name, String region, CenterLevel level, CenterStatus status,
		CompiledHours hours) {
}
