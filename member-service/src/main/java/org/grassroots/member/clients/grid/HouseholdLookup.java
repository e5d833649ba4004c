package org.grassroots.member.clients.grid;

import java.util.List;
import java.util.UUID;

/** Request of {@code POST /api/v1/households/lookup}: at most 1,000 ids. */
public record HouseholdLookup(List<UUID> ids) {
}
